package org.postroom.service.identity;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.notification.Notifier;

/**
 * Who holds the roles an administrator grants — helpdesk, domain-admin (of the domains named with
 * the grant) and admin — with a reason for every change, audited and mailed to the person. The
 * change holds at the person's next request: their roles are read on every one. Staff and user
 * follow the registry and are not granted here.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RoleService {

  public static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;
  public static final int REASON_MAX = 500;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject MailDomains domains;
  @Inject AuditLog audit;
  @Inject Notifier notifier;

  /** The account with the granted roles it holds; an unknown username is {@code roles.notFound}. */
  public AccountRoles rolesOf(String username) {
    return view(account(username));
  }

  /** Gives an active account the role helpdesk or admin; giving one it holds changes nothing. */
  public AccountRoles grant(String username, String role, String reason) {
    return grant(username, role, List.of(), reason);
  }

  /**
   * Gives an active account a granted role; a domain administrator manages exactly the named
   * domains (at least one; granting the role again with other domains changes them). Giving what it
   * holds changes nothing.
   */
  public AccountRoles grant(
      String username, String role, Collection<String> domains, String reason) {
    String why = checked(role, reason);
    List<MailDomain> administered =
        Roles.DOMAIN_ADMIN.equals(role) ? domainsNamed(domains) : List.of();
    Account account = locked(username);
    if (account.getState() != AccountState.ACTIVE || !account.canLogIn()) {
      throw new RuleViolationException(
          Violation.of("account", "roles.accountInactive", account.getUsername()));
    }
    if (Roles.DOMAIN_ADMIN.equals(role)) {
      if (!account.holds(role)
          || !account.getAdministeredDomains().equals(Set.copyOf(administered))) {
        account.administer(administered);
        changed(
            account,
            AuditAction.ROLE_GRANTED,
            "roles.granted",
            role + " " + names(administered),
            why);
      }
    } else if (!account.holds(role)) {
      account.grant(role);
      changed(account, AuditAction.ROLE_GRANTED, "roles.granted", role, why);
    }
    return view(account);
  }

  private List<MailDomain> domainsNamed(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw new RuleViolationException(Violation.of("domains", "roles.domains.required"));
    }
    Set<String> wanted = new TreeSet<>();
    for (String name : names) {
      wanted.add(MailDomain.normalizeName(String.valueOf(name)));
    }
    List<MailDomain> found = domains.byNames(wanted);
    if (found.size() != wanted.size()) {
      Set<String> unknown = new TreeSet<>(wanted);
      found.forEach(d -> unknown.remove(d.getName()));
      throw new RuleViolationException(
          Violation.of("domains", "roles.domains.unknown", String.join(", ", unknown)));
    }
    return found;
  }

  private static String names(Collection<MailDomain> domains) {
    return "("
        + String.join(", ", domains.stream().map(MailDomain::getName).sorted().toList())
        + ")";
  }

  /** Takes a granted role away; the last administrator keeps theirs, so that someone can act. */
  public AccountRoles revoke(String username, String role, String reason) {
    String why = checked(role, reason);
    if (Roles.ADMIN.equals(role)) {
      // every administrator's row, locked: two revokes at once cannot leave nobody
      List<Account> admins =
          em.createQuery(
                  "select a from Account a join a.roles r where r = :admin order by a.id",
                  Account.class)
              .setParameter("admin", Roles.ADMIN)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getResultList();
      boolean holder =
          admins.stream()
              .anyMatch(a -> a.getUsername().equals(Account.normalizeUsername(username)));
      if (holder && admins.size() == 1) {
        throw new RuleViolationException(Violation.of("role", "roles.lastAdmin"));
      }
    }
    Account account = locked(username);
    if (account.revoke(role)) {
      changed(account, AuditAction.ROLE_REVOKED, "roles.revoked", role, why);
    }
    return view(account);
  }

  private void changed(
      Account account, AuditAction action, String template, String role, String why) {
    String admin = context.getCallerPrincipal().getName();
    audit.record(Instant.now(), admin, action, SUBJECT, account.getId(), role + ": " + why);
    notifier.tell(account, template, account.getDisplayName(), role, why, admin);
  }

  private static String checked(String role, String reason) {
    if (!Roles.GRANTED.contains(role)) {
      throw new RuleViolationException(Violation.of("role", "roles.unknown", String.valueOf(role)));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new RuleViolationException(Violation.of("reason", "roles.reason.required"));
    }
    if (why.length() > REASON_MAX || why.codePoints().anyMatch(Character::isISOControl)) {
      throw new RuleViolationException(Violation.of("reason", "roles.reason.invalid", REASON_MAX));
    }
    return why;
  }

  private Account account(String username) {
    return accounts
        .byUsername(username == null ? "" : username)
        .orElseThrow(
            () ->
                new NotFoundException(
                    Violation.of("username", "roles.notFound", String.valueOf(username))));
  }

  private Account locked(String username) {
    Account account = account(username);
    em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    return account;
  }

  private static AccountRoles view(Account account) {
    return new AccountRoles(
        account.getUsername(),
        account.getDisplayName(),
        account.getState(),
        Roles.GRANTED.stream().filter(account::holds).toList(),
        account.getAdministeredDomains().stream().map(MailDomain::getName).sorted().toList(),
        account.getDomain() == null ? null : account.getDomain().getName());
  }
}
