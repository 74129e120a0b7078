package org.postroom.service.provisioning;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.MailServerContact;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.service.cluster.ClusterLock;

/** The outbox worker's database steps, each its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxRows {

  static final String LOCK = "provisioning-outbox";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject ClusterLock lock;

  /** Takes or renews the worker's lease: one node of the cluster applies changes at a time. */
  public boolean holdLease(Duration lease) {
    return lock.lease(LOCK, ClusterLock.node(), lease);
  }

  public void releaseLease() {
    lock.release(LOCK, ClusterLock.node());
  }

  /**
   * The changes due now, each mailbox's in its order: pending, their backoff passed, and no earlier
   * change of the same mailbox failed or still backing off (changes of a mailbox apply in the order
   * they committed). By mailbox, so that a batch cut short only leaves out a mailbox's later
   * changes. The order holds per mail server: a mailbox moved to another server gets its new
   * server's changes while the old one's wait. Changes for the {@code paused} servers (unreachable
   * a moment ago) are left out, so that they do not fill the batch.
   */
  public List<ProvisioningChange> due(Instant now, int limit, Set<String> paused) {
    TypedQuery<ProvisioningChange> due =
        em.createQuery(
                "select c from ProvisioningChange c where c.state = :pending and c.nextAttemptAt <= :now"
                    + (paused.isEmpty() ? "" : " and c.serverKey not in :paused")
                    + " and not exists (select e.id from ProvisioningChange e"
                    + "   where e.mailboxId = c.mailboxId and e.mailboxSeq < c.mailboxSeq"
                    + "   and e.serverKey = c.serverKey"
                    + "   and (e.state = :failed or (e.state = :pending and e.nextAttemptAt > :now)))"
                    + " order by c.mailboxId, c.mailboxSeq",
                ProvisioningChange.class)
            .setParameter("pending", ChangeState.PENDING)
            .setParameter("failed", ChangeState.FAILED)
            .setParameter("now", now)
            .setMaxResults(limit);
    if (!paused.isEmpty()) {
      due.setParameter("paused", paused);
    }
    return due.getResultList();
  }

  /** The Sieve script Postroom wants for the mailbox now, if any. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> desiredSieve(long mailboxId) {
    return Optional.ofNullable(em.find(MailboxSieve.class, mailboxId)).map(MailboxSieve::getScript);
  }

  /**
   * The Sieve changes of a mailbox that one push of its desired script settles, from the due change
   * numbered {@code first} in its mailbox on: pending, and not behind an outstanding change of
   * another kind (order per mailbox). Read before the desired script, so that each of them is
   * already in it.
   */
  public List<Long> sieveChangesFrom(long mailboxId, String serverKey, long first) {
    List<ChangeKind> sieve = List.of(ChangeKind.PUT_SIEVE, ChangeKind.DELETE_SIEVE);
    return em.createQuery(
            "select c.id from ProvisioningChange c where c.mailboxId = :m and c.state = :pending"
                + " and c.kind in :sieve and c.mailboxSeq >= :first and c.serverKey = :server"
                + " and not exists (select e.id from ProvisioningChange e"
                + "   where e.mailboxId = :m and e.serverKey = :server"
                + "   and e.kind not in :sieve and e.mailboxSeq > :first"
                + "   and e.mailboxSeq < c.mailboxSeq and e.state in (:pending, :failed))"
                + " order by c.mailboxSeq",
            Long.class)
        .setParameter("m", mailboxId)
        .setParameter("server", serverKey)
        .setParameter("pending", ChangeState.PENDING)
        .setParameter("failed", ChangeState.FAILED)
        .setParameter("sieve", sieve)
        .setParameter("first", first)
        .getResultList();
  }

  public void applied(List<Long> changeIds, Instant now) {
    for (Long id : changeIds) {
      em.find(ProvisioningChange.class, id).applied(now);
    }
  }

  /**
   * The mail server refused: back off, or leave it to the helpdesk. True when it failed for good.
   */
  public boolean refused(long changeId, String error, Instant now) {
    ProvisioningChange change = em.find(ProvisioningChange.class, changeId);
    change.refused(error, now);
    return change.getState() == ChangeState.FAILED;
  }

  /** Notes that the mail server cannot be reached (pages tell people their change waits). */
  public void unreachable(String serverKey, String error, Instant now) {
    contact(serverKey).unreachable(error, now);
  }

  /** Notes that the mail server is reached again. */
  public void reached(String serverKey, Instant now) {
    contact(serverKey).reached(now);
  }

  private MailServerContact contact(String serverKey) {
    MailServerContact contact =
        em.find(MailServerContact.class, serverKey, LockModeType.PESSIMISTIC_WRITE);
    if (contact == null) {
      contact = new MailServerContact(serverKey);
      em.persist(contact);
    }
    return contact;
  }
}
