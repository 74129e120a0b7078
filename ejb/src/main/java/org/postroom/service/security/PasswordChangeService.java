package org.postroom.service.security;

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
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.Feature;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.incident.Freezes;
import org.postroom.service.notification.CredentialMails;

/**
 * Changing one's own password, for accounts whose password Postroom keeps (alumni, local accounts);
 * an institutional login's password is the institution's. The current password is required; five
 * wrong ones in a row block changing for 15 minutes. The mail servers read the new hash from the
 * portal's views at the next login; the person is mailed about every change.
 */
@Stateless
@DeclareRoles({Roles.USER})
@RolesAllowed(Roles.USER)
public class PasswordChangeService {

  static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject PasswordHasher hasher;
  @Inject PasswordPolicy policy;
  @Inject CurrentPassword currentPassword;
  @Inject AuditLog audit;
  @Inject CredentialMails credentialMails;
  @Inject Freezes freezes;

  /** Whether the caller's password is Postroom's to change. */
  public boolean ownsPassword() {
    return accounts.of(context.getCallerPrincipal()).getPasswordHash() != null;
  }

  /** The shortest new password the caller's domain accepts. */
  public int minPasswordLength() {
    return PasswordPolicy.minLength(
        ownMailboxes.passwordDomain(accounts.of(context.getCallerPrincipal())));
  }

  /** zxcvbn's score of a password being typed, 0–4, for the strength meter. */
  public int strength(String password) {
    Account account = accounts.of(context.getCallerPrincipal());
    return password == null || password.isEmpty()
        ? 0
        : policy.score(password, account.getUsername(), account.getDisplayName());
  }

  public void change(String current, String password, String repeat) {
    // not locked yet: a wrong current password is counted in a transaction of its own, on this row
    Account account = accounts.of(context.getCallerPrincipal());
    Instant now = Instant.now();
    if (account.getPasswordHash() == null) {
      throw RuleViolationException.of("password.change.notOwned");
    }
    // before the current password is checked: a refused change counts no attempt
    freezes.refuse(Feature.PASSWORD, ownMailboxes.passwordDomain(account));
    currentPassword.confirm(account, current, "current", now);
    List<Violation> found =
        policy.check(
            ownMailboxes.passwordDomain(account),
            account.getUsername(),
            password,
            repeat,
            account.getDisplayName());
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    if (hasher.verify(password, account.getPasswordHash())) {
      throw new RuleViolationException(Violation.of("password", "password.change.same"));
    }
    em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    account.changePasswordHash(hasher.hash(password));
    audit.record(
        now, account.getUsername(), AuditAction.PASSWORD_CHANGED, SUBJECT, account.getId(), null);
    credentialMails.changed(account, now);
  }
}
