package org.postroom.service.provisioning;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.mailbox.Mailboxes;

/**
 * Writes what the mail server has to do into the transaction of the portal change that needs it:
 * both commit or neither does. The worker applies the rows after commit, a mailbox's changes in the
 * order their transactions committed ({@link ProvisioningChange#getMailboxSeq}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Event<ProvisioningQueued> queued;
  @Inject Mailboxes mailboxes;
  @Resource TransactionSynchronizationRegistry transaction;

  /** Queues a change for the server the mailbox lives on now. */
  public ProvisioningChange queue(
      Mailbox mailbox, ChangeKind kind, String payload, String actor, Instant now) {
    return queueOn(
        mailboxes.serverKeyOf(mailbox),
        mailbox.getId(),
        mailbox.getAddress(),
        kind,
        payload,
        actor,
        now);
  }

  /**
   * Queues a change for the server of that provisioning key (a reconcile's repair of the server it
   * compared): applied there even if the mailbox moves meanwhile.
   */
  public ProvisioningChange queueOn(
      String serverKey,
      long mailboxId,
      String mailboxAddress,
      ChangeKind kind,
      String payload,
      String actor,
      Instant now) {
    ProvisioningChange change =
        new ProvisioningChange(mailboxId, mailboxAddress, kind, payload, actor, now)
            .after(lastOf(mailboxId))
            .on(serverKey);
    em.persist(change);
    // one wake-up per transaction, however many changes it queues
    if (transaction.getResource(Outbox.class) == null) {
      transaction.putResource(Outbox.class, Boolean.TRUE);
      queued.fire(new ProvisioningQueued(change.getId()));
    }
    return change;
  }

  /**
   * The number of the mailbox's last change, read under a lock on the mailbox's row: a transaction
   * that queues for the same mailbox waits until this one ends and then reads its change, so the
   * numbers follow the commits (ids do not on a cluster: each node takes them in blocks).
   */
  private long lastOf(long mailboxId) {
    em.createNativeQuery("select id from mailbox where id = ? for update")
        .setParameter(1, mailboxId)
        .getResultList();
    return em.createQuery(
            "select coalesce(max(c.mailboxSeq), 0) from ProvisioningChange c"
                + " where c.mailboxId = :m",
            Long.class)
        .setParameter("m", mailboxId)
        .getSingleResult();
  }

  /** Which of the mailboxes still wait for the mail server (a change pending or failed). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Set<Long> outstanding(Collection<Long> mailboxIds) {
    if (mailboxIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "select distinct c.mailboxId from ProvisioningChange c"
                    + " where c.mailboxId in :ids and c.state in :outstanding",
                Long.class)
            .setParameter("ids", mailboxIds)
            .setParameter("outstanding", Set.of(ChangeState.PENDING, ChangeState.FAILED))
            .getResultList());
  }
}
