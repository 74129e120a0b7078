package org.postroom.service.incident;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.incident.NoticeMailing;
import org.postroom.domain.incident.NoticeText;
import org.postroom.domain.incident.ServiceNotice;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.notification.Notifier;

/**
 * One batch of a notice's mailing, in a transaction of its own: the next people of its domains
 * after the cursor are mailed through the durable outbox, and the cursor moves with them in the
 * same commit. Reached from {@link NoticeMailings} only; not from the web.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NoticeMailingSteps {

  /** People per batch: one commit each. */
  static final int BATCH = 200;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  private static final Logger LOG = Logger.getLogger(NoticeMailingSteps.class.getName());

  @Inject Notifier notifier;

  /** This bean through the container, so that each batch gets its own transaction. */
  @Resource SessionContext context;

  private NoticeMailingSteps self;

  @PostConstruct
  void proxy() {
    self = context.getBusinessObject(NoticeMailingSteps.class);
  }

  /** Mails the next batch; true when people are left. */
  public boolean next(long mailingId) {
    NoticeMailing mailing = em.find(NoticeMailing.class, mailingId, LockModeType.PESSIMISTIC_WRITE);
    if (mailing == null || mailing.isFinished()) {
      return false;
    }
    ServiceNotice notice = em.find(ServiceNotice.class, mailing.getNoticeId());
    Instant now = Instant.now();
    List<Account> people =
        people(notice, Account.class, "select a", mailing.getLastAccountId())
            .setMaxResults(BATCH)
            .getResultList();
    if (people.isEmpty()) {
      mailing.finished(now);
      return false;
    }
    int mailed = 0;
    int withoutAddress = 0;
    for (Account person : people) {
      NoticeText text = notice.textIn(person.getLocale().getLanguage());
      if (notifier.tellInBulk(
          person, "notice.mailed", text.getTitle(), person.getDisplayName(), text.getBody())) {
        mailed++;
      } else {
        withoutAddress++;
      }
    }
    mailing.advanced(mailed, withoutAddress, people.get(people.size() - 1).getId(), now);
    if (people.size() < BATCH) {
      mailing.finished(now);
      return false;
    }
    return true;
  }

  /**
   * Claims the mailings that stopped advancing (their node died): each is marked as resumed, in one
   * commit; when another node claims them at the same time, its version wins and this one claims
   * none.
   */
  public List<Long> claimStalled(Instant now) {
    List<NoticeMailing> stalled =
        em.createQuery(
                "select m from NoticeMailing m where m.finishedAt is null and m.updatedAt < :since",
                NoticeMailing.class)
            .setParameter("since", now.minus(NoticeMailing.STALLED_AFTER))
            .getResultList();
    stalled.forEach(m -> m.resumed(now));
    em.flush();
    return stalled.stream().map(NoticeMailing::getId).toList();
  }

  /** Sends a mailing's remaining batches, each in its own transaction (no transaction here). */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sendAll(long mailingId) {
    try {
      while (self.next(mailingId)) {
        // the next batch
      }
    } catch (RuntimeException failed) {
      // it stalls, and is carried on (NoticeMailingTakeover)
      LOG.log(Level.WARNING, failed, () -> "Mailing " + mailingId + " stopped");
    }
  }

  /** How many people a mailing of the notice reaches. */
  public int count(ServiceNotice notice) {
    return people(notice, Long.class, "select count(a)", 0).getSingleResult().intValue();
  }

  /**
   * The people of the notice's domains after {@code afterId}, by id: accounts not closed whose
   * account or live mailbox is in one of them (every account for a notice to all domains).
   */
  private <T> TypedQuery<T> people(
      ServiceNotice notice, Class<T> type, String select, long afterId) {
    boolean all = notice.isAllDomains();
    String query =
        select
            + " from Account a where a.id > :after and a.state <> :closed"
            + (all
                ? ""
                : " and (a.domain in :domains or exists (select m from Mailbox m where m.owner = a"
                    + " and m.domain in :domains and m.deletionQueuedAt is null))")
            + (type == Long.class ? "" : " order by a.id");
    TypedQuery<T> typed =
        em.createQuery(query, type)
            .setParameter("after", afterId)
            .setParameter("closed", AccountState.CLOSED);
    if (!all) {
      List<MailDomain> domains = List.copyOf(notice.getDomains());
      typed.setParameter("domains", domains);
    }
    return typed;
  }
}
