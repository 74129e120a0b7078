package org.postroom.service.provisioning;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ReconcileFindings;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.mailbox.Mailboxes;

/** Reconcile's database steps, each its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReconcileSteps {

  static final String LOCK = "reconcile";

  /** A run holds the lease on its node; a second run on the same node does not share it. */
  private static String holder(long runId) {
    return ClusterLock.onThisNode("reconcile run " + runId);
  }

  /** A run that has not reported progress for this long is taken to have died with its node. */
  static final Duration STALE = Duration.ofMinutes(10);

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject ClusterLock lock;
  @Inject Outbox outbox;
  @Inject Mailboxes mailboxes;
  @Inject AuditLog audit;

  /** One mailbox as Postroom wants it, and whether changes of it are still on their way. */
  record Desired(
      long id,
      String address,
      MailboxKind kind,
      String script,
      boolean outstanding,
      String serverKey) {}

  /** Starts a run, unless one is running in the cluster (then {@code reconcile.running}). */
  public ReconcileRun begin(String admin, Instant now) {
    ReconcileRun run =
        new ReconcileRun(
            admin,
            em.createQuery(
                    "select count(m) from Mailbox m where m.deletionQueuedAt is null", Long.class)
                .getSingleResult()
                .intValue(),
            now);
    em.persist(run);
    em.flush();
    if (!lock.lease(LOCK, holder(run.getId()), STALE)) {
      throw RuleViolationException.of("reconcile.running");
    }
    // a run that stopped reporting (its node died) is not running any more
    em.createQuery(
            "select r from ReconcileRun r where r.state = :running and r.id <> :id",
            ReconcileRun.class)
        .setParameter("running", ReconcileRun.State.RUNNING)
        .setParameter("id", run.getId())
        .getResultList()
        .forEach(dead -> dead.stopped("Its node stopped before it finished", now));
    audit.record(
        now, admin, AuditAction.RECONCILE_STARTED, AuditSubject.RECONCILE_RUN, run.getId(), null);
    return run;
  }

  /** The next page of live mailboxes after {@code afterId}, with their desired state. */
  public List<Desired> page(long afterId, int size) {
    List<Object[]> rows =
        em.createQuery(
                "select m.id, m.address, m.kind from Mailbox m"
                    + " where m.id > :after and m.deletionQueuedAt is null order by m.id",
                Object[].class)
            .setParameter("after", afterId)
            .setMaxResults(size)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
    Map<Long, String> scripts =
        em.createQuery("select s from MailboxSieve s where s.mailboxId in :ids", MailboxSieve.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(MailboxSieve::getMailboxId, MailboxSieve::getScript));
    Set<Long> outstanding = new HashSet<>(outbox.outstanding(ids));
    Map<Long, String> servers = mailboxes.serverKeysOf(ids);
    return rows.stream()
        .map(
            r ->
                new Desired(
                    (Long) r[0],
                    (String) r[1],
                    (MailboxKind) r[2],
                    scripts.get((Long) r[0]),
                    outstanding.contains((Long) r[0]),
                    servers.get((Long) r[0])))
        .toList();
  }

  /** A correction for one mailbox, found by comparing it with the mail server. */
  record Correction(
      String serverKey, long mailboxId, String address, ChangeKind kind, String payload) {}

  /** Records a page's findings, queues its corrections and renews the run's hold. */
  public void record(
      long runId,
      ReconcileFindings findings,
      List<Correction> corrections,
      long lastMailboxId,
      Instant now) {
    ReconcileRun run = em.find(ReconcileRun.class, runId);
    for (Correction correction : corrections) {
      outbox
          .queueOn(
              correction.serverKey(),
              correction.mailboxId(),
              correction.address(),
              correction.kind(),
              correction.payload(),
              run.getStartedBy(),
              now)
          .asRepair();
    }
    run.checked(findings, lastMailboxId);
    lock.lease(LOCK, holder(runId), STALE);
  }

  public void finish(long runId, String stoppedBecause, Instant now) {
    ReconcileRun run = em.find(ReconcileRun.class, runId);
    audit.record(
        now,
        run.getStartedBy(),
        stoppedBecause == null ? AuditAction.RECONCILE_FINISHED : AuditAction.RECONCILE_STOPPED,
        AuditSubject.RECONCILE_RUN,
        runId,
        "checked "
            + run.getChecked()
            + ", repairs queued "
            + run.getRepaired()
            + (stoppedBecause == null ? "" : ", " + stoppedBecause));
    if (stoppedBecause == null) {
      run.finished(now);
    } else {
      run.stopped(stoppedBecause, now);
    }
    lock.release(LOCK, holder(runId));
  }
}
