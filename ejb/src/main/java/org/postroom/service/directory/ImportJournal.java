package org.postroom.service.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.directory.ImportState;

/**
 * Counts applied lines into their import, in the transaction that applied them: the progress, the
 * counts and the rejected lines are kept exactly when the people are. The progress only moves on
 * from where the caller read it, so two jobs can never both apply the same lines.
 */
@ApplicationScoped
public class ImportJournal {

  /** Separates a rejection's arguments in one column (a control character no argument holds). */
  static final String ARGS_SEPARATOR = "\u001f";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      long importId,
      int processedBefore,
      List<ImportLine> lines,
      List<Outcome> outcomes,
      Instant now) {
    int[] counts = new int[Outcome.Kind.values().length];
    outcomes.forEach(o -> counts[o.kind().ordinal()]++);
    int moved =
        em.createQuery(
                "update RegistryImport r set r.processedLines = r.processedLines + :lines,"
                    + " r.createdCount = r.createdCount + :created,"
                    + " r.updatedCount = r.updatedCount + :updated,"
                    + " r.unchangedCount = r.unchangedCount + :unchanged,"
                    + " r.rejectedCount = r.rejectedCount + :rejected, r.heartbeatAt = :now"
                    + " where r.id = :id and r.processedLines = :before")
            .setParameter("lines", lines.size())
            .setParameter("created", counts[Outcome.Kind.CREATED.ordinal()])
            .setParameter("updated", counts[Outcome.Kind.UPDATED.ordinal()])
            .setParameter("unchanged", counts[Outcome.Kind.UNCHANGED.ordinal()])
            .setParameter("rejected", counts[Outcome.Kind.REJECTED.ordinal()])
            .setParameter("now", now)
            .setParameter("id", importId)
            .setParameter("before", processedBefore)
            .executeUpdate();
    if (moved != 1) {
      throw new ImportTakenOverException(importId);
    }
    for (int i = 0; i < lines.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.kind() == Outcome.Kind.REJECTED) {
        String registryId = lines.get(i).registryId();
        em.createNativeQuery(
                "insert into registry_import_rejection"
                    + " (import_id, line_no, registry_id, reason_key, reason_args)"
                    + " values (?, ?, ?, ?, ?)")
            .setParameter(1, importId)
            .setParameter(2, lines.get(i).number())
            .setParameter(
                3,
                registryId == null || registryId.length() <= 64
                    ? registryId
                    : registryId.substring(0, 64))
            .setParameter(4, outcome.key())
            .setParameter(5, clip(String.join(ARGS_SEPARATOR, outcome.args())))
            .executeUpdate();
      }
    }
  }

  /**
   * Claims a stalled import for this node: moves its heartbeat on if it is still queued or running
   * and showed no progress since {@code before}. Of two nodes claiming at once one wins (the row's
   * lock orders them, and the second no longer finds it stalled); true for the winner.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean claimStalled(long importId, Instant before, Instant now) {
    return em.createQuery(
                "update RegistryImport r set r.heartbeatAt = :now where r.id = :id"
                    + " and r.state in :active and coalesce(r.heartbeatAt, r.createdAt) < :before")
            .setParameter("now", now)
            .setParameter("id", importId)
            .setParameter("active", ImportState.ACTIVE)
            .setParameter("before", before)
            .executeUpdate()
        == 1;
  }

  private static String clip(String args) {
    return args.length() <= 1000 ? args : args.substring(0, 1000);
  }
}
