package org.postroom.service.provisioning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.mailsystem.MailServerRefusedException;
import org.postroom.service.mailsystem.MailServerUnavailableException;
import org.postroom.service.mailsystem.MailSystem;
import org.postroom.service.mailsystem.MailSystems;

/**
 * Applies the outbox to the mail server, once per cluster: the node holding the outbox lease works,
 * the others wait for it to lapse. It wakes when a change commits and every few seconds; changes of
 * one mailbox go in the order they were made, different mailboxes in up to {@value #LANES} lanes
 * side by side, and one push of a mailbox's Sieve script settles all its Sieve changes made before.
 * A change the server refuses backs off on its own; when a server cannot be reached at all, no
 * change is blamed: its changes pause (1 s, doubling up to {@link #MAX_PAUSE}) and start again
 * where they stopped, while those of the other mail servers (provider E: each mailbox lives on one)
 * go on. A change is applied at least once and marked applied exactly once; the mail server's
 * operations are idempotent, so a change repeated after a crash between the two leaves the same
 * result.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProvisioningWorker {

  private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class.getName());

  static final int BATCH = 100;
  static final int LANES = 4;
  static final Duration LEASE = ClusterLock.WORKER_LEASE;
  static final Duration RENEW_AFTER = Duration.ofSeconds(10);
  static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;

  /** What this node knows of each mail server (by provisioning key): its pause, its contact. */
  private final Map<String, ServerState> servers = new ConcurrentHashMap<>();

  /** One mail server as the worker sees it. */
  private static final class ServerState {
    volatile Instant pausedUntil = Instant.MIN;
    volatile Duration pause = Duration.ZERO;

    /** Whether this node last reached it; null until it tried. */
    volatile Boolean reachable;
  }

  @Inject MailSystems mailSystems;
  @Inject OutboxRows rows;
  @Resource ManagedExecutorService executor;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyFewSeconds() {
    drain();
  }

  /** Wakes the worker after the transaction that queued a change committed. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void kick() {
    drain();
  }

  /** Applies what is due; a call while this node is already draining makes it look again. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void drain() {
    if (!mailSystems.configured()) {
      return;
    }
    if (!running.compareAndSet(false, true)) {
      again = true;
      return;
    }
    try {
      do {
        again = false;
        drainDue();
      } while (again);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The provisioning worker stopped; it starts again shortly", e);
    } finally {
      running.set(false);
    }
  }

  private void drainDue() {
    if (!rows.holdLease(LEASE)) {
      return;
    }
    try {
      for (boolean first = true; ; first = false) {
        // renewed before every batch, not only while a batch runs long: under steady load a drain
        // goes on batch after batch, and a lease left to lapse meanwhile would let a second node
        // drain beside this one
        if (!first && !rows.holdLease(LEASE)) {
          return;
        }
        List<ProvisioningChange> due = rows.due(Instant.now(), BATCH, paused());
        if (due.isEmpty()) {
          return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> unreachable = ConcurrentHashMap.newKeySet();
        List<Future<?>> running = new ArrayList<>();
        for (List<ProvisioningChange> lane : lanes(due)) {
          running.add(executor.submit(() -> applyLane(lane, stop, unreachable)));
        }
        for (Future<?> lane : running) {
          while (!waitFor(lane)) {
            if (!rows.holdLease(LEASE)) {
              stop.set(true); // another node took over: finish what is under way, no more
            }
          }
        }
        if (stop.get()) {
          return;
        }
      }
    } finally {
      rows.releaseLease();
    }
  }

  /**
   * The due changes in at most {@value #LANES} lanes: all changes of a mailbox in one lane, in
   * their order; the lanes run side by side (a ManageSieve session is one mailbox's).
   */
  static List<List<ProvisioningChange>> lanes(List<ProvisioningChange> due) {
    Map<Long, List<ProvisioningChange>> byMailbox = new LinkedHashMap<>();
    for (ProvisioningChange change : due) {
      byMailbox.computeIfAbsent(change.getMailboxId(), m -> new ArrayList<>()).add(change);
    }
    List<List<ProvisioningChange>> lanes = new ArrayList<>();
    int next = 0;
    for (List<ProvisioningChange> changes : byMailbox.values()) {
      if (lanes.size() < LANES) {
        lanes.add(new ArrayList<>());
      }
      lanes.get(next).addAll(changes);
      next = (next + 1) % LANES;
    }
    return lanes;
  }

  /** Waits for a lane at most until the lease needs renewing; true when it has finished. */
  private static boolean waitFor(Future<?> lane) {
    try {
      lane.get(RENEW_AFTER.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException e) {
      LOG.log(Level.WARNING, "A provisioning lane stopped", e.getCause());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /**
   * Applies a lane's changes in order; a server found unreachable (by any lane) is skipped for the
   * rest of the batch and paused, the other servers' changes go on.
   */
  private void applyLane(
      List<ProvisioningChange> lane, AtomicBoolean stop, Set<String> unreachable) {
    Set<Long> heldBack = new HashSet<>();
    Set<Long> settled = new HashSet<>();
    for (ProvisioningChange change : lane) {
      if (stop.get()) {
        return;
      }
      String server = change.getServerKey();
      if (unreachable.contains(server)) {
        continue; // left pending: the server is paused
      }
      if (heldBack.contains(change.getMailboxId())) {
        continue; // an earlier change of this mailbox is backing off: keep the order
      }
      if (settled.contains(change.getId())) {
        continue; // applied with an earlier change of its mailbox
      }
      try {
        List<Long> applied = apply(change);
        rows.applied(applied, Instant.now());
        settled.addAll(applied);
        reached(server);
      } catch (MailServerRefusedException e) {
        reached(server); // it answered
        heldBack.add(change.getMailboxId());
        boolean failed = rows.refused(change.getId(), e.getMessage(), Instant.now());
        LOG.log(
            failed ? Level.WARNING : Level.INFO,
            () ->
                "Provisioning change "
                    + change.getId()
                    + (failed ? " failed for good, the helpdesk decides: " : " refused: ")
                    + e.getMessage());
      } catch (MailServerUnavailableException e) {
        if (unreachable.add(server)) {
          unreachable(server, e);
        }
      }
    }
  }

  private ServerState state(String server) {
    return servers.computeIfAbsent(server, k -> new ServerState());
  }

  /** The servers paused now: their changes wait until the pause is over. */
  private Set<String> paused() {
    Instant now = Instant.now();
    Set<String> paused = new HashSet<>();
    servers.forEach(
        (key, server) -> {
          if (now.isBefore(server.pausedUntil)) {
            paused.add(key);
          }
        });
    return paused;
  }

  /**
   * Records once that the server is reached (again), for the pages; on a node that has not known it
   * unreachable since it started, once as well, as another node may have recorded it so.
   */
  private void reached(String key) {
    ServerState server = state(key);
    server.pause = Duration.ZERO;
    if (!Boolean.TRUE.equals(server.reachable)) {
      rows.reached(key, Instant.now());
      server.reachable = Boolean.TRUE;
    }
  }

  /**
   * The mail server cannot be reached: its changes wait (1 s, doubling up to {@link #MAX_PAUSE}),
   * the other servers' go on.
   */
  private void unreachable(String key, MailServerUnavailableException e) {
    rows.unreachable(key, e.getMessage(), Instant.now());
    ServerState server = state(key);
    server.reachable = Boolean.FALSE;
    Duration pause = server.pause.isZero() ? Duration.ofSeconds(1) : server.pause.multipliedBy(2);
    if (pause.compareTo(MAX_PAUSE) > 0) {
      pause = MAX_PAUSE;
    }
    server.pause = pause;
    server.pausedUntil = Instant.now().plus(pause);
    Duration next = pause;
    LOG.warning(
        () ->
            "The mail server "
                + key
                + " cannot be reached, next try in "
                + next
                + ": "
                + e.getMessage());
  }

  /** Applies the change; answers the changes now applied (a Sieve push settles several). */
  private List<Long> apply(ProvisioningChange change)
      throws MailServerUnavailableException, MailServerRefusedException {
    String address = change.getMailboxAddress();
    MailSystem mailSystem = mailSystems.of(change.getServerKey());
    switch (change.getKind()) {
      case CREATE_SHARED_MAILBOX -> mailSystem.createSharedMailbox(address);
      case PUT_SIEVE, DELETE_SIEVE -> {
        // the script Postroom wants now, not the one of the change: on a cluster, sequence numbers
        // of two nodes need not follow the order of commits, the desired state always does. So
        // one push settles every Sieve change of the mailbox committed before it was read.
        List<Long> settled =
            rows.sieveChangesFrom(
                change.getMailboxId(), change.getServerKey(), change.getMailboxSeq());
        Optional<String> desired = rows.desiredSieve(change.getMailboxId());
        if (desired.isPresent()) {
          mailSystem.putSieve(address, desired.get());
        } else {
          mailSystem.deleteSieve(address);
        }
        return settled.contains(change.getId()) ? settled : List.of(change.getId());
      }
      case DELETE_MAILBOX -> mailSystem.deleteMailbox(address);
    }
    return List.of(change.getId());
  }
}
