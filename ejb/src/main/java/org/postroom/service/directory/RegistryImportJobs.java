package org.postroom.service.directory;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.ImportState;
import org.postroom.domain.directory.RegistryImport;
import org.postroom.domain.incident.Feature;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.common.Paging;
import org.postroom.service.incident.Freezes;

/**
 * Registry files uploaded by administrators, applied by a batch job in chunks: start, follow,
 * pause, resume (also after a node died) and abandon an import, and read its rejected lines. One
 * import runs at a time in the whole cluster.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RegistryImportJobs {

  public static final AuditSubject SUBJECT = AuditSubject.REGISTRY_IMPORT;
  static final String LOCK = "registry-import";

  /** An import holds the lock itself, not its node: any node may carry it on. */
  static String holder(long importId) {
    return "import " + importId;
  }

  public static final int MAX_PAGE_SIZE = 1000;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject ClusterLock lock;
  @Inject AuditLog audit;
  @Inject Event<ImportQueued> queued;
  @Inject ImportJournal journal;
  @Inject Freezes freezes;

  /**
   * Checks the file and queues its import. Refused whole when the file is no registry file ({@code
   * import.file.*}) or another import is running ({@code import.busy}).
   */
  public long start(String fileName, byte[] content) {
    freezes.refuseAnywhere(Feature.REGISTRY_IMPORT);
    List<ImportLine> lines = RegistryCsv.read(content);
    Instant now = Instant.now();
    String name = fileName == null || fileName.isBlank() ? "registry.csv" : fileName.strip();
    RegistryImport registryImport =
        new RegistryImport(
            name.length() <= 255 ? name : name.substring(0, 255),
            content,
            lines.size(),
            caller(),
            now);
    em.persist(registryImport);
    em.flush();
    if (!lock.take(LOCK, holder(registryImport.getId()))) {
      throw RuleViolationException.of("import.busy");
    }
    // after the lock: two uploads of one file at once are decided one after the other
    RegistryImport previous = previousOf(registryImport);
    // an abandoned import may be uploaded again on purpose
    if (registryImport.sameContentAs(previous) && previous.getState() != ImportState.ABANDONED) {
      throw new RuleViolationException(
          Violation.of(
              "file",
              "import.file.same",
              previous.getFileName(),
              String.valueOf(previous.getId())));
    }
    audit.record(
        now,
        caller(),
        AuditAction.IMPORT_STARTED,
        SUBJECT,
        registryImport.getId(),
        name + ", " + lines.size());
    queued.fire(new ImportQueued(registryImport.getId()));
    return registryImport.getId();
  }

  private RegistryImport previousOf(RegistryImport registryImport) {
    return em.createQuery(
            "select i from RegistryImport i where i.id <> :id order by i.createdAt desc, i.id desc",
            RegistryImport.class)
        .setParameter("id", registryImport.getId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Asks the running job to stop after its current chunk; it can be resumed later. */
  public void pause(long importId) {
    RegistryImport registryImport = find(importId);
    if (!registryImport.getState().isActive()) {
      throw RuleViolationException.of("import.notRunning");
    }
    registryImport.requestPause();
    audit.record(Instant.now(), caller(), AuditAction.IMPORT_PAUSED, SUBJECT, importId, null);
  }

  /**
   * Continues a paused or failed import, or one whose node died, where it stopped: no line is
   * applied twice, none skipped. (A surviving node carries on an import whose node died by itself,
   * {@link ImportTakeover}; this is the administrator's way of not waiting for it.)
   */
  public void resume(long importId) {
    freezes.refuseAnywhere(Feature.REGISTRY_IMPORT);
    RegistryImport registryImport = find(importId);
    Instant now = Instant.now();
    if (registryImport.getState().isActive()) {
      if (!registryImport.isStalled(ImportTakeover.STALL_AFTER, now)) {
        throw RuleViolationException.of("import.notResumable");
      }
      if (!journal.claimStalled(importId, now.minus(ImportTakeover.STALL_AFTER), now)) {
        // a node carried it on meanwhile (ImportTakeover): it runs, as asked
        return;
      }
    } else if (!registryImport.getState().isResumable()) {
      throw RuleViolationException.of("import.notResumable");
    }
    if (!lock.take(LOCK, holder(importId))) {
      throw RuleViolationException.of("import.busy");
    }
    registryImport.resume();
    audit.record(
        now,
        caller(),
        AuditAction.IMPORT_RESUMED,
        SUBJECT,
        importId,
        registryImport.getProcessedLines() + "/" + registryImport.getTotalLines());
    queued.fire(new ImportQueued(importId));
  }

  /** Gives up a paused, failed or interrupted import; what it applied stays applied. */
  public void abandon(long importId) {
    RegistryImport registryImport = find(importId);
    Instant now = Instant.now();
    if (!registryImport.getState().isResumable()
        && !registryImport.isStalled(ImportTakeover.STALL_AFTER, now)) {
      throw RuleViolationException.of("import.notResumable");
    }
    registryImport.abandon(now);
    lock.release(LOCK, holder(importId));
    audit.record(now, caller(), AuditAction.IMPORT_ABANDONED, SUBJECT, importId, null);
  }

  public ImportStatus status(long importId) {
    return em.createQuery(ImportStatus.SELECT + " where i.id = :id", ImportStatus.class)
        .setParameter("id", importId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("import.notFound"));
  }

  /** The imports, newest first, paged in the database (their files are not read). */
  public List<ImportStatus> imports(int first, int pageSize) {
    return Paging.page(
        em.createQuery(
            ImportStatus.SELECT + " order by i.createdAt desc, i.id desc", ImportStatus.class),
        first,
        pageSize,
        MAX_PAGE_SIZE);
  }

  /**
   * Whether an import is queued or running (the admin page polls then), also one whose node died: a
   * running node carries that on shortly.
   */
  public boolean anyActive() {
    return em.createQuery(
                "select count(i) from RegistryImport i where i.state in :active", Long.class)
            .setParameter("active", ImportState.ACTIVE)
            .getSingleResult()
        > 0;
  }

  public long count() {
    return em.createQuery("select count(i) from RegistryImport i", Long.class).getSingleResult();
  }

  /** Rejected lines of an import by line number, paged in the database. */
  public List<ImportRejection> rejections(long importId, int first, int pageSize) {
    status(importId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select line_no, registry_id, reason_key, reason_args"
                    + " from registry_import_rejection where import_id = ? order by line_no")
            .setParameter(1, importId)
            .setFirstResult(Math.max(0, first))
            .setMaxResults(Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ImportRejection(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null || ((String) r[3]).isEmpty()
                        ? List.of()
                        : Arrays.asList(((String) r[3]).split(ImportJournal.ARGS_SEPARATOR, -1))))
        .toList();
  }

  private RegistryImport find(long importId) {
    RegistryImport registryImport = em.find(RegistryImport.class, importId);
    if (registryImport == null) {
      throw new NotFoundException("import.notFound");
    }
    return registryImport;
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }
}
