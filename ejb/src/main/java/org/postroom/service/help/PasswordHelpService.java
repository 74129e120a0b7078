package org.postroom.service.help;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Secrets;
import org.postroom.domain.common.Violation;
import org.postroom.domain.help.HelpRequest;
import org.postroom.domain.help.PasswordReset;
import org.postroom.domain.incident.Feature;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.Paging;
import org.postroom.service.incident.Freezes;
import org.postroom.service.notification.CredentialMails;
import org.postroom.service.notification.MailTemplates;
import org.postroom.service.notification.Notifier;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.security.PasswordPolicy;
import org.postroom.service.security.PasswordRules;

/**
 * "Forgot password" without account enumeration: anyone may ask for help, and always gets the same
 * answer after the same work, whether the account exists or not; the request lands in the
 * helpdesk's queue with the account it matched. The helpdesk then mails a one-time reset link to
 * the account's recovery address on file — never to the address typed into the form.
 */
@Stateless
public class PasswordHelpService {

  public static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  /** Open requests one contact address may have within a day; more are dropped silently. */
  public static final int MAX_OPEN_PER_CONTACT = 3;

  /**
   * Requests one source address may file within an hour, whatever contacts it gives; more are
   * dropped silently, so that one machine cannot flood the queue with ever-new contacts.
   */
  public static final int MAX_PER_SOURCE_PER_HOUR = 10;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject PasswordHasher hasher;
  @Inject CredentialMails credentialMails;
  @Inject PasswordPolicy passwordPolicy;
  @Inject OwnMailboxes ownMailboxes;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject Freezes freezes;

  /**
   * Asks the helpdesk for help with a forgotten password, from {@code sourceAddress} (the client's
   * network address). Only the form's own rules can refuse it (a missing or malformed field);
   * whether the account exists is never told, nor whether a limit dropped the request.
   */
  @PermitAll
  public void ask(String identity, String contactAddress, String message, String sourceAddress) {
    List<Violation> found = new ArrayList<>();
    String who = identity == null ? "" : identity.strip().toLowerCase(Locale.ROOT);
    if (who.isEmpty() || who.length() > HelpRequest.IDENTITY_MAX || hasControl(who)) {
      found.add(Violation.of("identity", "help.identity.invalid"));
    }
    String contact = contactAddress == null ? "" : contactAddress.strip();
    if (!PasswordRules.isAddress(contact)) {
      found.add(Violation.of("contact", "help.contact.invalid"));
    }
    String text = message == null ? null : message.strip();
    if (text != null && text.length() > HelpRequest.MESSAGE_MAX) {
      found.add(Violation.of("message", "help.message.tooLong", HelpRequest.MESSAGE_MAX));
    }
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    Instant now = Instant.now();
    Account account =
        em.createQuery(
                "select a from Account a where a.username = :who or a.id in"
                    + " (select m.owner.id from Mailbox m where m.address = :who)",
                Account.class)
            .setParameter("who", who)
            .getResultStream()
            .findFirst()
            .orElse(null);
    long recent =
        em.createQuery(
                "select count(h) from HelpRequest h where h.contactAddress = :contact"
                    + " and h.state = :open and h.createdAt > :since",
                Long.class)
            .setParameter("contact", contact)
            .setParameter("open", HelpRequest.State.OPEN)
            .setParameter("since", now.minus(Duration.ofDays(1)))
            .getSingleResult();
    long fromSource =
        sourceAddress == null
            ? 0
            : em.createQuery(
                    "select count(h) from HelpRequest h where h.sourceAddress = :source"
                        + " and h.createdAt > :since",
                    Long.class)
                .setParameter("source", sourceAddress)
                .setParameter("since", now.minus(Duration.ofHours(1)))
                .getSingleResult();
    if (recent < MAX_OPEN_PER_CONTACT && fromSource < MAX_PER_SOURCE_PER_HOUR) {
      em.persist(
          new HelpRequest(
              who,
              contact,
              text == null || text.isEmpty() ? null : text,
              account,
              sourceAddress,
              now));
    }
  }

  /** The open help requests, oldest first, paged in the database. */
  @RolesAllowed(Roles.HELPDESK)
  public List<HelpRequestRow> open(int first, int pageSize) {
    return Paging.page(
        em.createQuery(
                "select new org.postroom.service.help.HelpRequestRow(h.id, h.version,"
                    + " h.claimedIdentity, h.contactAddress, h.message, h.createdAt, a.username,"
                    + " a.displayName, a.recoveryAddress) from HelpRequest h left join h.account a"
                    + " where h.state = :open order by h.createdAt, h.id",
                HelpRequestRow.class)
            .setParameter("open", HelpRequest.State.OPEN),
        first,
        pageSize,
        100);
  }

  @RolesAllowed(Roles.HELPDESK)
  public long countOpen() {
    return em.createQuery("select count(h) from HelpRequest h where h.state = :open", Long.class)
        .setParameter("open", HelpRequest.State.OPEN)
        .getSingleResult();
  }

  /**
   * Mails a one-time reset link (valid {@link PasswordReset#VALID_FOR}) to the recovery address of
   * the account the request matched, and resolves the request. {@code resetPage} is the page's URL,
   * to which the token is appended.
   */
  @RolesAllowed(Roles.HELPDESK)
  public void sendResetLink(long requestId, long seenVersion, String resetPage) {
    HelpRequest request = openRequest(requestId, seenVersion);
    Account account = request.getAccount();
    if (account == null || account.getRecoveryAddress() == null) {
      throw RuleViolationException.of("help.noRecoveryAddress");
    }
    Instant now = Instant.now();
    String helpdesk = context.getCallerPrincipal().getName();
    String token = Secrets.random();
    PasswordReset reset = new PasswordReset(account, Secrets.sha256(token), helpdesk, now);
    em.persist(reset);
    request.resolve(helpdesk, now);
    Flush.orFail(em, Violation.of(null, "help.concurrentChange"));
    audit.record(
        now,
        helpdesk,
        AuditAction.RESET_LINK_SENT,
        SUBJECT,
        account.getId(),
        account.getRecoveryAddress());
    Locale locale = Locale.forLanguageTag(account.getLanguage());
    notifier.tellAt(
        account.getRecoveryAddress(),
        account,
        "credentials.resetLink",
        account.getDisplayName(),
        account.getUsername(),
        resetPage + "?token=" + token,
        MailTemplates.moment(reset.getExpiresAt(), locale));
  }

  /** Resolves a request without a link (e.g. the helpdesk answered the person another way). */
  @RolesAllowed(Roles.HELPDESK)
  public void close(long requestId, long seenVersion) {
    HelpRequest request = openRequest(requestId, seenVersion);
    Instant now = Instant.now();
    request.resolve(context.getCallerPrincipal().getName(), now);
    Flush.orFail(em, Violation.of(null, "help.concurrentChange"));
  }

  /** The username a reset link is for, if the link can still be used. */
  @PermitAll
  public java.util.Optional<String> linkFor(String token) {
    PasswordReset reset = usableReset(token, Instant.now());
    return java.util.Optional.ofNullable(reset).map(r -> r.getAccount().getUsername());
  }

  /** The shortest password a reset link's account accepts (the rule's lowest without a link). */
  @PermitAll
  public int minPasswordLength(String token) {
    PasswordReset reset = usableReset(token, Instant.now());
    return PasswordPolicy.minLength(
        reset == null ? null : ownMailboxes.passwordDomain(reset.getAccount()));
  }

  /**
   * Sets a new password through a reset link; the link, and every other link of the account, is
   * spent. The account's owner is mailed.
   */
  @PermitAll
  public void reset(String token, String password, String repeat) {
    Instant now = Instant.now();
    PasswordReset reset = usableReset(token, now);
    if (reset == null) {
      throw RuleViolationException.of("password.reset.invalid");
    }
    Account account = reset.getAccount();
    // the link stays usable: it works once the freeze is lifted
    freezes.refuse(Feature.PASSWORD, ownMailboxes.passwordDomain(account));
    List<Violation> found =
        passwordPolicy.check(
            ownMailboxes.passwordDomain(account),
            account.getUsername(),
            password,
            repeat,
            account.getDisplayName());
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    account.changePasswordHash(hasher.hash(password));
    em.createQuery(
            "select r from PasswordReset r where r.account = :a and r.usedAt is null",
            PasswordReset.class)
        .setParameter("a", account)
        .getResultList()
        .forEach(r -> r.use(now));
    Flush.orFail(em, Violation.of(null, "password.reset.invalid"));
    audit.record(
        now, account.getUsername(), AuditAction.PASSWORD_RESET, SUBJECT, account.getId(), null);
    credentialMails.changed(account, now);
  }

  private PasswordReset usableReset(String token, Instant now) {
    if (token == null || token.length() != 43) {
      return null;
    }
    return em.createQuery(
            "select r from PasswordReset r where r.tokenHash = :h", PasswordReset.class)
        .setParameter("h", Secrets.sha256(token))
        .getResultStream()
        .filter(r -> r.isUsable(now))
        .findFirst()
        .orElse(null);
  }

  private HelpRequest openRequest(long requestId, long seenVersion) {
    HelpRequest request = em.find(HelpRequest.class, requestId);
    if (request == null) {
      throw new NotFoundException("help.notFound");
    }
    if (request.getState() != HelpRequest.State.OPEN || request.getVersion() != seenVersion) {
      throw new ConflictException("help.concurrentChange");
    }
    return request;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
