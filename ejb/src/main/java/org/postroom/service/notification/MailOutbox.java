package org.postroom.service.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.notification.QueuedMail;
import org.postroom.service.cluster.ClusterLock;

/** The mail outbox worker's database steps, each its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailOutbox {

  static final String LOCK = "mail-outbox";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject ClusterLock lock;

  /** Takes or renews the lease: one node of the cluster sends at a time. */
  public boolean holdLease(Duration lease) {
    return lock.lease(LOCK, ClusterLock.node(), lease);
  }

  public void releaseLease() {
    lock.release(LOCK, ClusterLock.node());
  }

  /** The mails due now: those about one person's change first, then the bulk; oldest first. */
  public List<QueuedMail> due(Instant now, int limit) {
    return em.createQuery(
            "select m from QueuedMail m where m.state = :pending and m.nextAttemptAt <= :now"
                + " order by m.bulk, m.id",
            QueuedMail.class)
        .setParameter("pending", QueuedMail.State.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  public void sent(long id, Instant now) {
    em.find(QueuedMail.class, id).sent(now);
  }

  /** The relay did not take the mail; true when it now waits for the helpdesk. */
  public boolean notSent(long id, String error, Instant now) {
    QueuedMail mail = em.find(QueuedMail.class, id);
    mail.notSent(error, now);
    return mail.getState() == QueuedMail.State.FAILED;
  }
}
