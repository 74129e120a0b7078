package org.postroom.service.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.directory.ImportState;
import org.postroom.domain.directory.RegistryImport;
import org.postroom.domain.incident.Feature;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.incident.Freezes;

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
  @Inject ImportJournal journal;
  @Inject Event<ImportQueued> queued;
  @Inject Freezes freezes;

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
    boolean asked =
        em.createQuery(
                "select i.pauseRequested from RegistryImport i where i.id = :id", Boolean.class)
            .setParameter("id", importId)
            .getResultStream()
            .findFirst()
            .orElse(true);
    if (!asked && freezes.anywhere(Feature.REGISTRY_IMPORT).isPresent()) {
      // frozen while it runs: it pauses after this chunk, as if an administrator had asked, and
      // is resumed once the freeze is lifted
      RegistryImport frozen =
          em.find(RegistryImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
      frozen.requestPause();
      audit.record(
          Instant.now(),
          frozen.getStartedBy(),
          AuditAction.IMPORT_PAUSED,
          RegistryImportJobs.SUBJECT,
          importId,
          "registry import frozen");
      LOG.info(() -> "Registry import " + importId + " pauses: the registry import is frozen");
      return true;
    }
    return asked;
  }

  /** Applies the next lines, each chunk in its own transaction with the import's progress. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void apply(ImportRun run, List<ImportLine> lines) {
    registryLines.apply(run.importId(), run.processed(), lines, run.actor());
    run.advance(lines.size());
  }

  /**
   * Carries on here each import whose node seems to have died: queued or running without progress
   * for {@code stallAfter}. The first node to claim it starts its job again where it got to; one
   * that a pause was asked of is marked paused instead.
   */
  public void takeOverStalled(Duration stallAfter) {
    Instant now = Instant.now();
    Instant before = now.minus(stallAfter);
    List<Long> stalled =
        em.createQuery(
                "select i.id from RegistryImport i where i.state in :active"
                    + " and coalesce(i.heartbeatAt, i.createdAt) < :before order by i.id",
                Long.class)
            .setParameter("active", ImportState.ACTIVE)
            .setParameter("before", before)
            .getResultList();
    for (long importId : stalled) {
      if (!journal.claimStalled(importId, before, now)) {
        continue;
      }
      RegistryImport registryImport = em.find(RegistryImport.class, importId);
      if (registryImport.isPauseRequested()) {
        end(registryImport, false, null, now);
        continue;
      }
      registryImport.resume();
      lock.take(RegistryImportJobs.LOCK, RegistryImportJobs.holder(importId));
      audit.record(
          now,
          registryImport.getStartedBy(),
          AuditAction.IMPORT_RESUMED,
          RegistryImportJobs.SUBJECT,
          importId,
          registryImport.getProcessedLines()
              + "/"
              + registryImport.getTotalLines()
              + ", "
              + ClusterLock.node());
      LOG.warning(
          () ->
              "Registry import "
                  + importId
                  + " showed no progress for "
                  + stallAfter.toSeconds()
                  + " s; "
                  + ClusterLock.node()
                  + " carries it on after line "
                  + registryImport.getProcessedLines());
      queued.fire(new ImportQueued(importId));
    }
  }

  /** The job ended (completed, paused or failed): records it and lets the next import run. */
  public void end(long importId, boolean failed, String why) {
    RegistryImport registryImport = em.find(RegistryImport.class, importId);
    if (registryImport == null || !registryImport.getState().isActive()) {
      return;
    }
    end(registryImport, failed, why, Instant.now());
  }

  private void end(RegistryImport registryImport, boolean failed, String why, Instant now) {
    long importId = registryImport.getId();
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
