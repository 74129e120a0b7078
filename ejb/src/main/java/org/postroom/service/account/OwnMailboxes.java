package org.postroom.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SettingsManager;

/**
 * A person's own mailbox (their personal one, else their alumni one), for the settings they make on
 * it themselves: forward, vacation reply.
 */
@ApplicationScoped
public class OwnMailboxes {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public Optional<Mailbox> of(Account owner) {
    return em.createQuery(
            "select m from Mailbox m where m.owner = :owner and m.kind in :kinds"
                + " and m.deletionQueuedAt is null order by m.kind desc",
            Mailbox.class)
        .setParameter("owner", owner)
        .setParameter("kinds", List.of(MailboxKind.PERSONAL, MailboxKind.ALUMNI))
        .getResultStream()
        .findFirst();
  }

  /**
   * The domain whose password rules apply to the owner's password: their mailbox's (an alumni
   * mailbox's domain for alumni), else their account's.
   */
  public MailDomain passwordDomain(Account owner) {
    return of(owner).map(Mailbox::getDomain).orElse(owner.getDomain());
  }

  /**
   * The owner's mailbox, locked, for a setting of {@code area} (the prefix of the messages {@code
   * .noMailbox} and {@code .managedByDomainAdmin}): refused where the domain leaves such settings
   * to its administrator. The lock orders the changes of one mailbox, so that what reaches the mail
   * server always follows the latest settings.
   */
  public Mailbox lockedForSettings(Account owner, String area) {
    Mailbox mailbox = locked(owner, area);
    if (mailbox.getDomain().getMailboxPolicy().getSettingsManagedBy()
        == SettingsManager.DOMAIN_ADMIN) {
      throw RuleViolationException.of(area + ".managedByDomainAdmin");
    }
    return mailbox;
  }

  /**
   * The owner's mailbox, locked, for a setting that is always the person's own (filter rules, the
   * trash); refused with {@code area.noMailbox} when they have none.
   */
  public Mailbox locked(Account owner, String area) {
    Mailbox mailbox = of(owner).orElseThrow(() -> RuleViolationException.of(area + ".noMailbox"));
    em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
    return mailbox;
  }
}
