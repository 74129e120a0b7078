package org.postroom.service.notification;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.notification.QueuedMail;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.Paging;

/**
 * The helpdesk's view of the mail outbox: the notifications the relay kept refusing, and sending
 * one again once the cause is fixed (e.g. a recipient's server that was down for hours).
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
public class QueuedMails {

  static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject AuditLog audit;

  public long countFailed() {
    return em.createQuery("select count(m) from QueuedMail m where m.state = :s", Long.class)
        .setParameter("s", QueuedMail.State.FAILED)
        .getSingleResult();
  }

  public List<QueuedMailRow> failed(int first, int pageSize) {
    return Paging.page(
        em.createQuery(
                "select new org.postroom.service.notification.QueuedMailRow(m.id, m.version,"
                    + " m.recipient, m.subject, m.createdAt, m.attempts, m.lastError)"
                    + " from QueuedMail m where m.state = :s order by m.id",
                QueuedMailRow.class)
            .setParameter("s", QueuedMail.State.FAILED),
        first,
        pageSize,
        MAX_PAGE);
  }

  /**
   * Sends a failed notification again, as the caller saw it; the outbox takes it within seconds.
   */
  public void retry(long id, long seenVersion) {
    QueuedMail mail = em.find(QueuedMail.class, id);
    if (mail == null) {
      throw new NotFoundException("queuedMail.notFound");
    }
    if (mail.getVersion() != seenVersion) {
      throw new ConflictException("queuedMail.concurrentChange");
    }
    Instant now = Instant.now();
    mail.retry(now);
    Flush.orFail(em, Violation.of(null, "queuedMail.concurrentChange"));
    audit.record(
        now,
        context.getCallerPrincipal().getName(),
        AuditAction.NOTIFICATION_RETRIED,
        AuditSubject.QUEUED_MAIL,
        id,
        mail.getRecipient() + ": " + mail.getSubject());
  }
}
