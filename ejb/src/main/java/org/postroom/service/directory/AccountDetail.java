package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.directory.Affiliation;
import org.postroom.domain.mailbox.Mailbox;

/**
 * An account as the helpdesk sees it: the account, the registry's affiliations, the mailboxes it
 * owns or shares, what happened to it (newest first), and whether its owner has still to choose
 * their address, and which of the mailboxes still wait for changes on the mail server.
 */
public record AccountDetail(
    Account account,
    String registryId,
    List<Affiliation> affiliations,
    List<Mailbox> ownMailboxes,
    List<Mailbox> sharedMailboxes,
    List<AuditEntry> history,
    boolean addressToChoose,
    Set<Long> awaitingMailServer,
    Map<Long, Long> filterRulesOn)
    implements Serializable {

  /** How many filter rules of a mailbox are switched on. */
  public long filterRulesOn(Mailbox mailbox) {
    return filterRulesOn.getOrDefault(mailbox.getId(), 0L);
  }
}
