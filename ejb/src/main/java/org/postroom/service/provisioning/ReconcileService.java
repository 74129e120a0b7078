package org.postroom.service.provisioning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ReconcileFindings;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.service.mailsystem.MailServerRefusedException;
import org.postroom.service.mailsystem.MailServerUnavailableException;
import org.postroom.service.mailsystem.MailSystem;
import org.postroom.service.mailsystem.MailSystems;
import org.postroom.service.provisioning.ReconcileSteps.Correction;
import org.postroom.service.provisioning.ReconcileSteps.Desired;

/**
 * Compares what Postroom wants of every mailbox with the mail server it lives on (a shared
 * mailbox's grant, Postroom's Sieve script) and queues a provisioning change for each difference:
 * after a restore of the mail server, everything comes back. Runs in the background, a page of
 * mailboxes at a time in at most {@value #CONNECTIONS} parallel lanes, once per cluster at a time,
 * and reports its progress and the drift it found. Mailboxes with changes still on their way are
 * left to them, so a second run right after the first queues nothing new.
 */
@Stateless
@DeclareRoles({Roles.ADMIN})
@RolesAllowed(Roles.ADMIN)
public class ReconcileService {

  private static final Logger LOG = Logger.getLogger(ReconcileService.class.getName());

  static final int PAGE = 100;
  static final int CONNECTIONS = 4;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Resource ManagedExecutorService executor;
  @Inject MailSystems mailSystems;
  @Inject ReconcileSteps steps;

  /** Starts a run and answers its id; the run continues in the background. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start() {
    if (!mailSystems.configured()) {
      throw RuleViolationException.of("reconcile.noMailServer");
    }
    String admin = context.getCallerPrincipal().getName();
    Instant now = Instant.now();
    ReconcileRun run = steps.begin(admin, now);
    context.getBusinessObject(ReconcileService.class).run(run.getId());
    return run.getId();
  }

  /** One run with its progress or report. */
  public Optional<ReconcileRun> find(long runId) {
    return Optional.ofNullable(em.find(ReconcileRun.class, runId));
  }

  /** The newest run, for the admin page. */
  public Optional<ReconcileRun> latest() {
    return em.createQuery("select r from ReconcileRun r order by r.id desc", ReconcileRun.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(long runId) {
    long after = 0;
    String stopped = null;
    try {
      List<Desired> page;
      while (!(page = steps.page(after, PAGE)).isEmpty()) {
        after = page.get(page.size() - 1).id();
        List<Correction> corrections = new ArrayList<>();
        ReconcileFindings findings = check(page, corrections);
        steps.record(runId, findings, corrections, after, Instant.now());
        if (findings.unreachable() == findings.checked() - findings.pending()
            && findings.unreachable() > 0) {
          stopped = "The mail server cannot be reached";
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reconcile run " + runId + " stopped", e);
      stopped = "Stopped by an error: " + e.getClass().getSimpleName();
    }
    steps.finish(runId, stopped, Instant.now());
  }

  /** Compares a page with the mail server, in lanes; adds the corrections it finds. */
  private ReconcileFindings check(List<Desired> page, List<Correction> corrections) {
    List<Future<Lane>> lanes = new ArrayList<>();
    for (int lane = 0; lane < CONNECTIONS; lane++) {
      List<Desired> share = new ArrayList<>();
      for (int i = lane; i < page.size(); i += CONNECTIONS) {
        share.add(page.get(i));
      }
      lanes.add(executor.submit(() -> checkLane(share)));
    }
    Lane all = new Lane();
    for (Future<Lane> lane : lanes) {
      try {
        all.add(lane.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("A reconcile lane failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Reconcile was interrupted", e);
      }
    }
    corrections.addAll(all.corrections);
    return new ReconcileFindings(
        page.size(),
        all.inStep,
        all.pending,
        all.missingGrants,
        all.missingScripts,
        all.differingScripts,
        all.strayScripts,
        all.unreachable);
  }

  /** What one lane found. */
  static final class Lane {
    int inStep;
    int pending;
    int missingGrants;
    int missingScripts;
    int differingScripts;
    int strayScripts;
    int unreachable;
    final List<Correction> corrections = new ArrayList<>();

    void add(Lane other) {
      inStep += other.inStep;
      pending += other.pending;
      missingGrants += other.missingGrants;
      missingScripts += other.missingScripts;
      differingScripts += other.differingScripts;
      strayScripts += other.strayScripts;
      unreachable += other.unreachable;
      corrections.addAll(other.corrections);
    }
  }

  private static Correction correction(Desired mailbox, ChangeKind kind, String payload) {
    return new Correction(mailbox.serverKey(), mailbox.id(), mailbox.address(), kind, payload);
  }

  /** Checks a lane's mailboxes, each on the server it lives on. */
  private Lane checkLane(List<Desired> mailboxes) {
    Lane lane = new Lane();
    Map<String, List<Desired>> byServer = new LinkedHashMap<>();
    for (Desired mailbox : mailboxes) {
      byServer.computeIfAbsent(mailbox.serverKey(), k -> new ArrayList<>()).add(mailbox);
    }
    byServer.forEach((server, onIt) -> checkOn(mailSystems.of(server), onIt, lane));
    return lane;
  }

  private void checkOn(MailSystem mailSystem, List<Desired> mailboxes, Lane lane) {
    // the lane's scripts in one go where the mail server offers it (doveadm's API)
    Map<String, Optional<String>> scripts =
        mailSystem.sieves(
            mailboxes.stream().filter(m -> !m.outstanding()).map(Desired::address).toList());
    for (Desired mailbox : mailboxes) {
      if (mailbox.outstanding()) {
        lane.pending++;
        continue;
      }
      if (!scripts.containsKey(mailbox.address())) {
        lane.unreachable++;
        continue;
      }
      try {
        int before = lane.corrections.size();
        if (mailbox.kind() == MailboxKind.SHARED && !mailSystem.hasSharedGrant(mailbox.address())) {
          lane.missingGrants++;
          lane.corrections.add(correction(mailbox, ChangeKind.CREATE_SHARED_MAILBOX, null));
        }
        String wanted = mailbox.script();
        Optional<String> actual = scripts.get(mailbox.address());
        if (wanted != null && actual.isEmpty()) {
          lane.missingScripts++;
          lane.corrections.add(correction(mailbox, ChangeKind.PUT_SIEVE, wanted));
        } else if (wanted != null && !wanted.equals(actual.get())) {
          lane.differingScripts++;
          lane.corrections.add(correction(mailbox, ChangeKind.PUT_SIEVE, wanted));
        } else if (wanted == null && actual.isPresent()) {
          lane.strayScripts++;
          lane.corrections.add(correction(mailbox, ChangeKind.DELETE_SIEVE, null));
        }
        if (lane.corrections.size() == before) {
          lane.inStep++;
        }
      } catch (MailServerUnavailableException | MailServerRefusedException e) {
        lane.unreachable++;
        LOG.fine(() -> "Reconcile could not check " + mailbox.address() + ": " + e.getMessage());
      }
    }
  }
}
