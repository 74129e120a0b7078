package org.postroom.service.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.notification.QueuedMail;
import org.postroom.service.cluster.ClusterLock;

/**
 * Sends the mail outbox, once per cluster: the node holding the outbox's lease sends, the others
 * wait for it to lapse. It wakes when a mail commits and every few seconds. A mail is marked sent
 * in its own transaction right after the relay took it; a node that dies between the two leaves the
 * mail pending, and the next holder sends it again with the same Message-ID, so a receiver can tell
 * the copies apart. A relay that cannot be reached pauses the worker without blaming the mail for
 * more than one try.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailOutboxWorker {

  private static final Logger LOG = Logger.getLogger(MailOutboxWorker.class.getName());

  static final int BATCH = 50;

  /**
   * Bulk mails sent before the outbox looks again for mail about someone's own change, which goes
   * first: a reset link waits for at most this many mails of a notice sent to a whole domain.
   */
  static final int BULK_SLICE = 10;

  static final Duration LEASE = ClusterLock.WORKER_LEASE;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;

  @Inject MailOutbox outbox;
  @Inject MailSender sender;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyFewSeconds() {
    drain();
  }

  /** Wakes the worker after the transaction that queued a mail committed. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void kick() {
    drain();
  }

  /** Sends what is due; a call while this node is already sending makes it look again. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void drain() {
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
      LOG.log(Level.WARNING, "The mail outbox stopped; it starts again shortly", e);
    } finally {
      running.set(false);
    }
  }

  private void drainDue() {
    if (!outbox.holdLease(LEASE)) {
      return;
    }
    try {
      List<QueuedMail> due;
      boolean more;
      do {
        due = outbox.due(Instant.now(), BATCH);
        int bulkSent = 0;
        for (QueuedMail mail : due) {
          if (mail.isBulk() && bulkSent == BULK_SLICE) {
            break; // look again: mail about someone's own change may have come meanwhile
          }
          if (!send(mail)) {
            return; // the relay is away: the rest waits for the next round
          }
          bulkSent += mail.isBulk() ? 1 : 0;
        }
        if (!due.isEmpty() && !outbox.holdLease(LEASE)) {
          return;
        }
        more = due.size() == BATCH || bulkSent == BULK_SLICE;
      } while (more);
    } finally {
      outbox.releaseLease();
    }
  }

  /** Sends one mail; false when the relay could not be reached at all. */
  private boolean send(QueuedMail queued) {
    OutgoingMail mail =
        new OutgoingMail(
            queued.getRecipient(),
            queued.getRecipientName(),
            queued.getSubject(),
            queued.getBody(),
            queued.getDeliverTo());
    try {
      sender.deliver(mail, queued.getId());
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      boolean failed =
          outbox.notSent(queued.getId(), String.valueOf(e.getMessage()), Instant.now());
      LOG.log(
          failed ? Level.WARNING : Level.INFO,
          () ->
              "Mail "
                  + queued.getId()
                  + " to "
                  + queued.getDeliverTo()
                  + (failed ? " failed for good, the helpdesk decides: " : " not sent yet: ")
                  + e.getMessage());
      return !(e instanceof MessagingException) || !MailSender.unreachable(e);
    }
    outbox.sent(queued.getId(), Instant.now());
    LOG.fine(() -> "Mail " + queued.getId() + " sent to " + mail.deliverTo());
    return true;
  }
}
