package org.postroom.service.sharedmailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.notification.Notifier;

/**
 * The helpdesk changes who may open a shared mailbox. Membership lives in the portal database,
 * which the mail server reads (the userdb's {@code acl_groups}): a member added or removed has or
 * loses access at their next login, with nothing to send to the mail server.
 */
@Stateless
@DeclareRoles({Roles.HELPDESK})
@RolesAllowed(Roles.HELPDESK)
public class SharedMailboxService {

  /**
   * Recorded on the member's account, where the helpdesk reads their history; detail: the address.
   */
  static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AuditLog audit;
  @Inject Notifier notifier;

  /**
   * Gives an account access, within the domain's member rules; an account that is not active (or
   * leaving) gets none. The new member is mailed how to open it: as a folder, and with the shared
   * address as login where its server allows that. Audited; adding a member twice changes nothing.
   *
   * @return the shared mailbox's address
   */
  public String addMember(String address, String username) {
    Mailbox mailbox = locked(address);
    Account member = account(username);
    // four eyes: a helpdesk member does not give themselves access; another one must
    if (member.getUsername().equals(helpdesk())) {
      throw RuleViolationException.of("sharedMailbox.self");
    }
    if (member.getState() != AccountState.ACTIVE && member.getState() != AccountState.LEAVING) {
      throw RuleViolationException.of("sharedMailbox.accountInactive", member.getUsername());
    }
    if (!member.belongsTo(mailbox.getDomain())) {
      throw RuleViolationException.of(
          "sharedMailbox.otherInstitution", member.getUsername(), mailbox.getDomain().getName());
    }
    if (!mailbox.addMember(member)) {
      return mailbox.getAddress();
    }
    audit.record(
        Instant.now(),
        helpdesk(),
        AuditAction.MEMBER_ADDED,
        SUBJECT,
        member.getId(),
        mailbox.getAddress());
    notifier.tell(
        member,
        "sharedMailbox.memberAdded",
        mailbox.getAddress(),
        member.getDisplayName(),
        mailboxes.opensWithSharedLogin(mailbox) ? 1 : 0);
    return mailbox.getAddress();
  }

  public void removeMember(String address, String username) {
    Mailbox mailbox = locked(address);
    Account member = account(username);
    mailbox.removeMember(member);
    audit.record(
        Instant.now(),
        helpdesk(),
        AuditAction.MEMBER_REMOVED,
        SUBJECT,
        member.getId(),
        mailbox.getAddress());
    notifier.tell(
        member, "sharedMailbox.memberRemoved", mailbox.getAddress(), member.getDisplayName());
  }

  private Mailbox locked(String address) {
    return mailboxes.lockedLive(address, "sharedMailbox.notFound");
  }

  private Account account(String username) {
    return accounts
        .byUsername(Account.normalizeUsername(username))
        .orElseThrow(() -> RuleViolationException.of("sharedMailbox.unknownAccount", username));
  }

  private String helpdesk() {
    return context.getCallerPrincipal().getName();
  }
}
