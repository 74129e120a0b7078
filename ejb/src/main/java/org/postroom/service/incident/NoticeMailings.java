package org.postroom.service.incident;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.NoticeMailing;
import org.postroom.domain.incident.ServiceNotice;
import org.postroom.service.audit.AuditLog;

/**
 * Administrators mail a notice to the people of its domains, through the durable mail outbox, in
 * batches ({@link NoticeMailingSteps}) with the progress on the notices list. A mailing whose node
 * died is carried on by another ({@link NoticeMailingTakeover}), or by the administrator: it starts
 * after the last person mailed, so nobody is mailed twice.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class NoticeMailings {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject NoticeMailingSteps steps;
  @Inject AuditLog audit;

  /**
   * Starts mailing a running notice (audited); {@link #run} then sends it. Refused while a mailing
   * of the notice runs; once one has finished, mailing again mails everyone again.
   */
  public long start(long noticeId) {
    ServiceNotice notice = em.find(ServiceNotice.class, noticeId);
    Instant now = Instant.now();
    if (notice == null) {
      throw RuleViolationException.of("notice.unknown");
    }
    if (!notice.activeAt(now)) {
      throw RuleViolationException.of("notice.mailing.notRunning");
    }
    boolean busy =
        em.createQuery(
                    "select count(m) from NoticeMailing m where m.noticeId = :notice"
                        + " and m.finishedAt is null and m.updatedAt > :stalled",
                    Long.class)
                .setParameter("notice", noticeId)
                .setParameter("stalled", now.minus(NoticeMailing.STALLED_AFTER))
                .getSingleResult()
            > 0;
    if (busy) {
      throw RuleViolationException.of("notice.mailing.busy");
    }
    String admin = context.getCallerPrincipal().getName();
    NoticeMailing mailing = new NoticeMailing(noticeId, steps.count(notice), admin, now);
    em.persist(mailing);
    em.flush();
    audit.record(
        now,
        admin,
        AuditAction.NOTICE_MAILED,
        AuditSubject.SERVICE_NOTICE,
        noticeId,
        mailing.getTotal() + " people");
    return mailing.getId();
  }

  /** Continues a mailing whose node died, after the last person it mailed. */
  public long resume(long mailingId) {
    NoticeMailing mailing = em.find(NoticeMailing.class, mailingId);
    if (mailing == null || !mailing.isStalled(Instant.now())) {
      throw RuleViolationException.of("notice.mailing.notStalled");
    }
    mailing.resumed(Instant.now());
    return mailingId;
  }

  /** Sends the mailing batch by batch, in the background; each batch commits by itself. */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(long mailingId) {
    steps.sendAll(mailingId);
  }

  /** The latest mailing of each of the notices, by notice id. */
  public Map<Long, MailingProgress> progress(Collection<Long> noticeIds) {
    Map<Long, MailingProgress> progress = new HashMap<>();
    if (noticeIds.isEmpty()) {
      return progress;
    }
    Instant now = Instant.now();
    em.createQuery(
            "select m from NoticeMailing m where m.noticeId in :notices order by m.startedAt",
            NoticeMailing.class)
        .setParameter("notices", noticeIds)
        .getResultStream()
        .forEach(m -> progress.put(m.getNoticeId(), MailingProgress.of(m, now)));
    return progress;
  }
}
