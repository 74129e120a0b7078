package org.postroom.service.alumni;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.notification.Notifier;
import org.postroom.service.security.CurrentPassword;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.security.PasswordPolicy;
import org.postroom.service.security.PasswordRules;

/**
 * Alumni addresses (University D): a current or former student or staff member of a domain that
 * offers them orders {@code username@alumni-domain}, with a password of Postroom's and a recovery
 * address outside the institution; the address stays after every affiliation has ended.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class AlumniService {

  public static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject MailDomains domains;
  @Inject PasswordPolicy passwordPolicy;
  @Inject PasswordHasher hasher;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject CurrentPassword currentPassword;

  public AlumniOffer offer() {
    return offerFor(caller());
  }

  /** What {@code account} may do about an alumni address (see {@link #offer}). */
  public AlumniOffer offerFor(Account account) {
    Mailbox held = alumniMailbox(account);
    if (held != null) {
      return new AlumniOffer(false, held.getAddress(), null, true);
    }
    MailDomain alumniDomain =
        account.getDomain() == null ? null : account.getDomain().getAlumniDomain();
    if (alumniDomain == null
        || account.getPerson() == null
        || !account.getPerson().wasStudentOrStaff()) {
      return new AlumniOffer(false, null, "alumni.notEligible", false);
    }
    if (account.getState() == AccountState.CLOSED || account.getState() == AccountState.SUSPENDED) {
      return new AlumniOffer(false, null, "alumni.accountClosed", false);
    }
    return new AlumniOffer(true, alumniDomain.addressOf(account.getUsername()), null, false);
  }

  /** Whether the caller has a password of Postroom's, which the order then asks for. */
  public boolean asksCurrentPassword() {
    return caller().getPasswordHash() != null;
  }

  /**
   * The shortest password the caller's alumni domain accepts; the general minimum for an account
   * without a home domain (one made in Postroom, not by the registry), which cannot order one.
   */
  public int minPasswordLength() {
    MailDomain home = caller().getDomain();
    return PasswordPolicy.minLength(home == null ? null : home.getAlumniDomain());
  }

  /**
   * Orders the caller's alumni address. Refused whole, with every broken rule at its field, when
   * the caller is not eligible, the recovery address is not an outside address, or the password
   * breaks the rules.
   */
  public String order(String current, String recoveryAddress, String password, String repeat) {
    AlumniOffer offer = offer();
    if (!offer.eligible()) {
      throw RuleViolationException.of(offer.ordered() ? "alumni.alreadyOrdered" : offer.reason());
    }
    Account account = caller();
    Instant now = Instant.now();
    List<Violation> found = new ArrayList<>();
    String recovery =
        recoveryAddress == null ? "" : recoveryAddress.strip().toLowerCase(Locale.ROOT);
    if (!PasswordRules.isAddress(recovery)) {
      found.add(Violation.of("recovery", "alumni.recovery.invalid"));
    } else if (served(recovery)) {
      found.add(Violation.of("recovery", "alumni.recovery.internal"));
    }
    found.addAll(
        passwordPolicy.check(
            account.getDomain().getAlumniDomain(),
            account.getUsername(),
            password,
            repeat,
            account.getDisplayName(),
            recoveryAddress));
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    if (account.getPasswordHash() != null) {
      // whoever sits at a browser left signed in must not take the address and its recovery
      currentPassword.confirm(account, current, "current", now);
    }
    // where Postroom reached the person until now, told below, so that an order they did not make
    // is seen
    String reachedBefore = notifier.addressOf(account);
    MailDomain alumniDomain = account.getDomain().getAlumniDomain();
    Mailbox mailbox = Mailbox.alumni(alumniDomain, account, now);
    em.persist(mailbox);
    account.becomeAlumnus(recovery, hasher.hash(password));
    Flush.orFail(em, Violation.of(null, "alumni.address.taken", mailbox.getAddress()));
    audit.record(
        now,
        account.getUsername(),
        AuditAction.ALUMNI_ORDERED,
        SUBJECT,
        account.getId(),
        mailbox.getAddress());
    notifier.tellAt(
        recovery,
        account,
        "credentials.alumniOrdered",
        mailbox.getAddress(),
        account.getDisplayName(),
        account.getUsername(),
        recovery);
    if (reachedBefore != null && !reachedBefore.equalsIgnoreCase(recovery)) {
      notifier.tellAt(
          reachedBefore,
          account,
          "credentials.alumniOrderedNotice",
          mailbox.getAddress(),
          account.getDisplayName(),
          recovery);
    }
    return mailbox.getAddress();
  }

  private boolean served(String address) {
    String domain = address.substring(address.lastIndexOf('@') + 1);
    return domains.exists(domain);
  }

  private Mailbox alumniMailbox(Account account) {
    return em.createQuery(
            "select m from Mailbox m where m.owner = :a and m.kind = :kind", Mailbox.class)
        .setParameter("a", account)
        .setParameter("kind", MailboxKind.ALUMNI)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
