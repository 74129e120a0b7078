package org.postroom.service.directory;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies screened lines in chunks, each in its own transaction. A chunk that meets a database
 * conflict (another import took an address meanwhile) is applied again line by line, so that one
 * troublesome person costs only their own line; a line that still conflicts alone is rejected. Used
 * by the REST import and by the batch job, whose progress it keeps in the same transactions.
 */
@ApplicationScoped
public class RegistryLines {

  private static final Logger LOG = Logger.getLogger(RegistryLines.class.getName());

  public static final int CHUNK_SIZE = 200;

  /**
   * New people after which the database's statistics are refreshed where they are stale ({@link
   * RegistryChunkWriter#refreshStatistics}): a first import into empty tables otherwise runs on
   * plans made for empty tables (PostgreSQL then scans whole tables for each chunk's lookups, until
   * autovacuum catches up — twice the time in the benchmark). Lines that create nothing (a nightly
   * feed of people already known) change no statistics: refreshing them anyway cost an unchanged
   * import of 100,000 on PostgreSQL 12.0 s instead of 7.6 s.
   */
  static final int STATISTICS_EVERY = 5_000;

  @Inject RegistryChunkWriter writer;

  /**
   * One outcome per line. Must be called outside a transaction (each chunk commits by itself).
   *
   * @param importId the import to count the lines into, or {@code null}
   * @param processedBefore how many lines of the import were applied before these
   */
  public List<Outcome> apply(
      Long importId, int processedBefore, List<ImportLine> lines, String actor) {
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(Clock.systemDefaultZone());
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    int createdSinceStatistics = 0;
    for (int from = 0; from < lines.size(); from += CHUNK_SIZE) {
      List<ImportLine> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK_SIZE));
      int before = processedBefore + from;
      if (createdSinceStatistics >= STATISTICS_EVERY) {
        writer.refreshStatistics();
        createdSinceStatistics = 0;
      }
      int outcomesBefore = outcomes.size();
      try {
        outcomes.addAll(writer.apply(importId, before, chunk, actor, today, now));
      } catch (EJBException conflict) {
        LOG.info(
            () -> "An import chunk met a conflict; applying its lines one by one: " + conflict);
        for (int i = 0; i < chunk.size(); i++) {
          outcomes.add(applyAlone(importId, before + i, chunk.get(i), actor, today, now));
        }
      }
      createdSinceStatistics +=
          (int)
              outcomes.subList(outcomesBefore, outcomes.size()).stream()
                  .filter(o -> o.kind() == Outcome.Kind.CREATED)
                  .count();
    }
    return outcomes;
  }

  private Outcome applyAlone(
      Long importId, int before, ImportLine line, String actor, LocalDate today, Instant now) {
    try {
      return writer.apply(importId, before, List.of(line), actor, today, now).get(0);
    } catch (EJBException conflict) {
      Outcome rejected = Outcome.rejected("import.conflict");
      return writer
          .apply(importId, before, List.of(line.rejectedAs(rejected)), actor, today, now)
          .get(0);
    }
  }
}
