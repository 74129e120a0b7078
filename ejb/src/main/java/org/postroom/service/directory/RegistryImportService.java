package org.postroom.service.directory;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.incident.Feature;
import org.postroom.service.directory.ImportReport.Rejection;
import org.postroom.service.incident.Freezes;

/**
 * Bulk create, update and close of people from the student/HR registry, idempotent by registry id:
 * sending the same records again changes nothing. Records are applied in chunks, each its own
 * transaction; a record is applied whole or not at all, and a rejected one carries its reason. Long
 * imports run as a batch job instead ({@link RegistryImportJobs}), through the same lines.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RegistryImportService {

  public static final int CHUNK_SIZE = RegistryLines.CHUNK_SIZE;
  public static final int MAX_RECORDS = 10_000;

  @Resource SessionContext context;
  @Inject RegistryLines registryLines;
  @Inject Freezes freezes;

  /**
   * Applies the records in order; no transaction of its own, so that each chunk commits by itself.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ImportReport importRecords(List<RegistryRecord> records) {
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("at most " + MAX_RECORDS + " records per call");
    }
    // the registry is one feed for every domain: a freeze in any of them holds it whole
    freezes.refuseAnywhere(Feature.REGISTRY_IMPORT);
    List<ImportLine> lines = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      lines.add(ImportLine.of(i + 1, records.get(i)));
    }
    lines = RecordRules.screen(lines);
    List<Outcome> outcomes =
        registryLines.apply(null, 0, lines, context.getCallerPrincipal().getName());
    return report(lines, outcomes);
  }

  private static ImportReport report(List<ImportLine> lines, List<Outcome> outcomes) {
    int[] counts = new int[Outcome.Kind.values().length];
    List<Rejection> rejections = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome outcome = outcomes.get(i);
      counts[outcome.kind().ordinal()]++;
      if (outcome.kind() == Outcome.Kind.REJECTED) {
        rejections.add(
            new Rejection(
                lines.get(i).number(), lines.get(i).registryId(), outcome.key(), outcome.args()));
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
