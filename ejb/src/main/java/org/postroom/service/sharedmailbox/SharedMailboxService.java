package org.postroom.service.sharedmailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;

/**
 * The helpdesk changes who may open a shared mailbox. Membership lives in the portal database,
 * which the mail server reads (the userdb's {@code acl_groups}): a member added or removed has or
 * loses access at their next login, with nothing to send to the mail server.
 */
@Stateless
@DeclareRoles({Roles.HELPDESK})
@RolesAllowed(Roles.HELPDESK)
public class SharedMailboxService {

  static final String SUBJECT = "Mailbox";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AuditLog audit;

  public void addMember(String address, String username) {
    Mailbox mailbox = locked(address);
    Account member = account(username);
    mailbox.addMember(member);
    audit.record(
        Instant.now(), helpdesk(), "MEMBER_ADDED", SUBJECT, mailbox.getId(), member.getUsername());
  }

  public void removeMember(String address, String username) {
    Mailbox mailbox = locked(address);
    Account member = account(username);
    mailbox.removeMember(member);
    audit.record(
        Instant.now(),
        helpdesk(),
        "MEMBER_REMOVED",
        SUBJECT,
        mailbox.getId(),
        member.getUsername());
  }

  private Mailbox locked(String address) {
    Mailbox mailbox =
        em.createQuery("select m from Mailbox m where m.address = :a", Mailbox.class)
            .setParameter("a", address == null ? "" : address.strip().toLowerCase(Locale.ROOT))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> RuleViolationException.of("sharedMailbox.notFound"));
    return mailbox;
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
