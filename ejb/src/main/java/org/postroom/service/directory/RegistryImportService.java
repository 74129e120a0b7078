package org.postroom.service.directory;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.directory.ImportReport.Rejection;

/**
 * Bulk create, update and close of people from the student/HR registry, idempotent by registry id:
 * sending the same records again changes nothing. Records are applied in chunks, each its own
 * transaction; a record is applied whole or not at all, and a rejected one carries its reason.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RegistryImportService {

  private static final Logger LOG = Logger.getLogger(RegistryImportService.class.getName());

  public static final int CHUNK_SIZE = 200;
  public static final int MAX_RECORDS = 10_000;

  @Resource SessionContext context;
  @Inject RegistryChunkWriter writer;

  /**
   * Applies the records in order; no transaction of its own, so that each chunk commits by itself.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportReport importRecords(List<RegistryRecord> records) {
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("at most " + MAX_RECORDS + " records per call");
    }
    String actor = context.getCallerPrincipal().getName();
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(Clock.systemDefaultZone());
    Outcome[] outcomes = new Outcome[records.size()];
    List<Integer> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      RegistryRecord record = records.get(i);
      Optional<Outcome> broken =
          record == null
              ? Optional.of(Outcome.rejected("import.record.empty"))
              : RecordRules.check(record);
      if (broken.isEmpty() && !seen.add(record.registryId())) {
        broken = Optional.of(Outcome.rejected("import.registryId.repeated"));
      }
      if (broken.isPresent()) {
        outcomes[i] = broken.get();
      } else {
        valid.add(i);
      }
    }
    for (int from = 0; from < valid.size(); from += CHUNK_SIZE) {
      List<Integer> indexes = valid.subList(from, Math.min(valid.size(), from + CHUNK_SIZE));
      List<RegistryRecord> chunk = indexes.stream().map(records::get).toList();
      try {
        List<Outcome> written = writer.write(chunk, actor, today, now);
        for (int j = 0; j < indexes.size(); j++) {
          outcomes[indexes.get(j)] = written.get(j);
        }
      } catch (EJBException conflict) {
        LOG.info(
            () -> "An import chunk met a conflict; applying its records one by one: " + conflict);
        for (Integer index : indexes) {
          outcomes[index] = writeAlone(records.get(index), actor, today, now);
        }
      }
    }
    return report(records, outcomes);
  }

  private Outcome writeAlone(RegistryRecord record, String actor, LocalDate today, Instant now) {
    try {
      return writer.write(List.of(record), actor, today, now).get(0);
    } catch (EJBException conflict) {
      return Outcome.rejected("import.conflict");
    }
  }

  private static ImportReport report(List<RegistryRecord> records, Outcome[] outcomes) {
    int[] counts = new int[Outcome.Kind.values().length];
    List<Rejection> rejections = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      counts[outcomes[i].kind().ordinal()]++;
      if (outcomes[i].kind() == Outcome.Kind.REJECTED) {
        RegistryRecord record = records.get(i);
        rejections.add(
            new Rejection(
                i + 1,
                record == null ? null : record.registryId(),
                outcomes[i].key(),
                outcomes[i].args()));
      }
    }
    return new ImportReport(
        counts[Outcome.Kind.CREATED.ordinal()],
        counts[Outcome.Kind.UPDATED.ordinal()],
        counts[Outcome.Kind.UNCHANGED.ordinal()],
        counts[Outcome.Kind.REJECTED.ordinal()],
        rejections);
  }
}
