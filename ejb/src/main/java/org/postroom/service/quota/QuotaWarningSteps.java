package org.postroom.service.quota;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.service.common.Sizes;
import org.postroom.service.notification.Notifier;

/** The quota warning job's steps, each its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QuotaWarningSteps {

  private static final Logger LOG = Logger.getLogger(QuotaWarningSteps.class.getName());

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Notifier notifier;

  /** Mailboxes after {@code after} whose warning level differs from the one last mailed. */
  public List<Long> changed(long after, int limit) {
    return em.createQuery(
            "select m.id from Mailbox m join m.domain d where m.id > :after"
                + " and m.deletionQueuedAt is null and m.quotaUsedBytes is not null"
                + " and m.quotaWarnedLevel <> case"
                + "   when m.quotaUsedBytes >= m.quotaBytes then 2"
                + "   when m.quotaUsedBytes * 100"
                + "     >= m.quotaBytes * d.mailboxPolicy.quotaWarningPercent then 1"
                + "   else 0 end"
                + " order by m.id",
            Long.class)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Moves each mailbox's warning level to what its usage calls for and, where it rose, queues the
   * warning in the same transaction. The update only succeeds from the level read, so a crossing
   * that another run already mailed is not mailed again.
   */
  public int warn(List<Long> ids) {
    int warned = 0;
    Instant now = Instant.now();
    for (Mailbox mailbox :
        em.createQuery("select m from Mailbox m where m.id in :ids", Mailbox.class)
            .setParameter("ids", ids)
            .getResultList()) {
      int old = mailbox.getQuotaWarnedLevel();
      int level =
          Mailbox.level(
              mailbox.getQuotaUsedBytes(),
              mailbox.getQuotaBytes(),
              mailbox.getDomain().getMailboxPolicy().getQuotaWarningPercent());
      int moved =
          em.createNativeQuery(
                  "update mailbox set quota_warned_level = ?, quota_warned_at = ?"
                      + " where id = ? and quota_warned_level = ?")
              .setParameter(1, level)
              .setParameter(2, now)
              .setParameter(3, mailbox.getId())
              .setParameter(4, old)
              .executeUpdate();
      if (moved == 1 && level > old) {
        mail(mailbox, level);
        warned++;
      }
    }
    return warned;
  }

  private void mail(Mailbox mailbox, int level) {
    String template = level == Mailbox.WARNED_FULL ? "quotaWarning.full" : "quotaWarning.threshold";
    for (Account person : people(mailbox)) {
      Locale locale = person.getLocale();
      notifier.tell(
          person,
          template,
          mailbox.getAddress(),
          person.getDisplayName(),
          mailbox.getQuotaUsedPercent(),
          Sizes.format(mailbox.getQuotaUsedBytes(), locale),
          Sizes.format(mailbox.getQuotaBytes(), locale));
    }
  }

  /** Who reads the mailbox: its owner, or a shared mailbox's members. */
  private static List<Account> people(Mailbox mailbox) {
    List<Account> people = new ArrayList<>();
    if (mailbox.getKind() == MailboxKind.SHARED) {
      people.addAll(mailbox.getMembers());
    } else if (mailbox.getOwner() != null) {
      people.add(mailbox.getOwner());
    }
    return people;
  }
}
