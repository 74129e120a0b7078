package org.postroom.service.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.directory.RegistryImport;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.cluster.ClusterLock;

/**
 * What the registry-import batch job does to the database. The batch runtime calls in without a
 * caller, so this bean is its one door and runs as an administrator ({@code @RunAs}); it has no
 * remote view and is not reachable from the web. Each step commits by itself.
 */
@Stateless
@PermitAll
@RunAs(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportJobSteps {

  private static final Logger LOG = Logger.getLogger(ImportJobSteps.class.getName());

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject RegistryLines registryLines;
  @Inject ClusterLock lock;
  @Inject AuditLog audit;

  /** Marks the import running and reads its file; {@code null} when it is not queued any more. */
  public ImportRun begin(long importId) {
    RegistryImport registryImport = em.find(RegistryImport.class, importId);
    if (registryImport == null || !registryImport.getState().isActive()) {
      return null;
    }
    registryImport.running(Instant.now());
    List<ImportLine> lines = RecordRules.screen(RegistryCsv.read(registryImport.getContent()));
    return new ImportRun(
        importId, lines, registryImport.getProcessedLines(), registryImport.getStartedBy());
  }

  /** Asked before every chunk: reads the one column, not the import with its file. */
  public boolean pauseRequested(long importId) {
    return em.createQuery(
            "select i.pauseRequested from RegistryImport i where i.id = :id", Boolean.class)
        .setParameter("id", importId)
        .getResultStream()
        .findFirst()
        .orElse(true);
  }

  /** Applies the next lines, each chunk in its own transaction with the import's progress. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void apply(ImportRun run, List<ImportLine> lines) {
    registryLines.apply(run.importId(), run.processed(), lines, run.actor());
    run.advance(lines.size());
  }

  /** The job ended (completed, paused or failed): records it and lets the next import run. */
  public void end(long importId, boolean failed, String why) {
    RegistryImport registryImport = em.find(RegistryImport.class, importId);
    if (registryImport == null || !registryImport.getState().isActive()) {
      return;
    }
    Instant now = Instant.now();
    registryImport.ended(failed, why, now);
    lock.release(RegistryImportJobs.LOCK, RegistryImportJobs.holder(importId));
    audit.record(
        now,
        registryImport.getStartedBy(),
        AuditAction.importEnded(registryImport.getState()),
        RegistryImportJobs.SUBJECT,
        importId,
        registryImport.getProcessedLines() + "/" + registryImport.getTotalLines());
    LOG.info(
        () ->
            "Registry import "
                + importId
                + " "
                + registryImport.getState()
                + " after "
                + registryImport.getProcessedLines()
                + " of "
                + registryImport.getTotalLines()
                + " lines");
  }
}
