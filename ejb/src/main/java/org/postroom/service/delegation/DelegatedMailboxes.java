package org.postroom.service.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.SettingsManager;

/**
 * The mailboxes a domain administrator may set forwards and vacation replies for: the personal and
 * alumni mailboxes of the domains they were named for with the role, where a policy leaves these
 * settings to the domain administrator. Any other address is "not found", so that nothing is
 * revealed about other domains.
 */
@ApplicationScoped
public class DelegatedMailboxes {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** The mailbox, locked for a change (changes of one mailbox follow each other). */
  public Mailbox locked(Account domainAdmin, String address) {
    Mailbox mailbox = find(domainAdmin, address);
    em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
    return mailbox;
  }

  public Mailbox find(Account domainAdmin, String address) {
    String wanted = MailAddresses.normalize(address);
    if (domainAdmin.getAdministeredDomains().isEmpty()) {
      throw RuleViolationException.of("delegation.noDomain");
    }
    Mailbox mailbox =
        em.createQuery(
                "select m from Mailbox m where m.address = :a and m.domain in :d"
                    + " and m.kind in :kinds and m.deletionQueuedAt is null",
                Mailbox.class)
            .setParameter("a", wanted)
            .setParameter("d", domainAdmin.getAdministeredDomains())
            .setParameter("kinds", List.of(MailboxKind.PERSONAL, MailboxKind.ALUMNI))
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("delegation.notFound", wanted));
    if (mailbox.getDomain().getMailboxPolicy().getSettingsManagedBy()
        != SettingsManager.DOMAIN_ADMIN) {
      throw RuleViolationException.of("delegation.notDelegated", mailbox.getDomain().getName());
    }
    return mailbox;
  }
}
