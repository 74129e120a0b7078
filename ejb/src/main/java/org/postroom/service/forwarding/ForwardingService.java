package org.postroom.service.forwarding;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.forwarding.ForwardRules;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.delegation.DelegatedMailboxes;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.notification.MailTemplates;
import org.postroom.service.notification.Notifier;

/**
 * A person's forward on their own mailbox: to one or more addresses, keeping a copy or not. The
 * forward lives in the portal database, which Postfix reads (view {@code mail_aliases}): it takes
 * effect with the next message, with nothing to send to the mail server. Besides {@link
 * ForwardRules}, a forward may not close a loop through other Postroom addresses. The owner is
 * mailed on every change, also when the helpdesk removes a forward, in the mailbox itself past its
 * forward.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK, Roles.DOMAIN_ADMIN})
@RolesAllowed(Roles.USER)
public class ForwardingService {

  static final AuditSubject SUBJECT = AuditSubject.MAILBOX;
  static final int REASON_MAX = 1000;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject ForwardTargets forwardTargets;
  @Inject DelegatedMailboxes delegated;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject Freezes freezes;

  /** The caller's forward; empty targets when mail stays in the mailbox. */
  public ForwardSetting current() {
    return ownMailboxes
        .of(caller())
        .map(m -> new ForwardSetting(m.getAddress(), m.getForwardTargets(), m.isForwardKeepCopy()))
        .orElseThrow(() -> RuleViolationException.of("forward.noMailbox"));
  }

  /** Forwards the caller's mail; a broken rule changes nothing. */
  public void set(List<String> rawTargets, boolean keepCopy) {
    Account owner = caller();
    forward(ownMailboxes.lockedForSettings(owner, "forward"), rawTargets, keepCopy, owner);
  }

  /** The domain administrator forwards a mailbox of their domain; its owner is mailed. */
  @RolesAllowed(Roles.DOMAIN_ADMIN)
  public void setFor(String address, List<String> rawTargets, boolean keepCopy) {
    forward(delegated.locked(caller(), address), rawTargets, keepCopy, caller());
  }

  /** The domain administrator stops a mailbox's forward; its owner is mailed. */
  @RolesAllowed(Roles.DOMAIN_ADMIN)
  public void clearFor(String address) {
    stop(delegated.locked(caller(), address), caller());
  }

  /**
   * The helpdesk sets an account's forward (restoring their settings file); the owner is mailed.
   */
  @RolesAllowed(Roles.HELPDESK)
  public void setAsHelpdesk(String address, List<String> rawTargets, boolean keepCopy) {
    forward(
        mailboxes.lockedLive(address, "forward.mailboxNotFound"), rawTargets, keepCopy, caller());
  }

  /**
   * The helpdesk stops an account's forward (restoring their settings file); the owner is mailed.
   */
  @RolesAllowed(Roles.HELPDESK)
  public void clearAsHelpdesk(String address) {
    stop(mailboxes.lockedLive(address, "forward.mailboxNotFound"), caller());
  }

  private void forward(Mailbox mailbox, List<String> rawTargets, boolean keepCopy, Account actor) {
    freezes.refuse(Feature.FORWARDING, mailbox.getDomain());
    Account owner = mailbox.getOwner();
    List<String> targets = ForwardRules.normalize(rawTargets);
    Set<String> own = forwardTargets.own(mailbox);
    Set<String> institution = forwardTargets.institutionOf(mailbox);
    mailbox.forwardTo(targets, keepCopy, own, institution::contains);
    Optional<List<String>> loop = forwardTargets.loop(targets, own);
    if (loop.isPresent()) {
      throw new RuleViolationException(
          Violation.of(
              "targets",
              "forward.loop",
              mailbox.getAddress() + " → " + String.join(" → ", loop.get())));
    }
    audit.record(
        Instant.now(),
        actor.getUsername(),
        AuditAction.FORWARD_SET,
        SUBJECT,
        mailbox.getId(),
        String.join(", ", targets) + (keepCopy ? " (copy kept)" : ""));
    Locale locale = owner.getLocale();
    notify(
        owner,
        mailbox,
        keepCopy ? "forwarding.setWithCopy" : "forwarding.set",
        mailbox.getAddress(),
        owner.getDisplayName(),
        targets.stream().map(t -> "  " + t).collect(Collectors.joining("\n")),
        MailTemplates.moment(Instant.now(), locale));
  }

  /** Mail to the caller stays in their mailbox again. */
  public void clear() {
    Account owner = caller();
    stop(ownMailboxes.lockedForSettings(owner, "forward"), owner);
  }

  private void stop(Mailbox mailbox, Account actor) {
    freezes.refuse(Feature.FORWARDING, mailbox.getDomain());
    if (mailbox.getForwardTargets().isEmpty()) {
      return;
    }
    mailbox.stopForwarding();
    audit.record(
        Instant.now(),
        actor.getUsername(),
        AuditAction.FORWARD_CLEARED,
        SUBJECT,
        mailbox.getId(),
        null);
    Account owner = mailbox.getOwner();
    notify(owner, mailbox, "forwarding.cleared", mailbox.getAddress(), owner.getDisplayName());
  }

  /**
   * The helpdesk removes a forward that disturbs mail traffic (e.g. a target that bounces or
   * forwards on to spam traps). The owner is mailed the reason and keeps reading and sending mail
   * in the mailbox.
   */
  @RolesAllowed(Roles.HELPDESK)
  public void removeAsHelpdesk(String mailboxAddress, String rawReason) {
    String reason = rawReason == null ? "" : rawReason.strip();
    if (reason.isEmpty()) {
      throw new RuleViolationException(Violation.of("reason", "forward.reason.required"));
    }
    if (reason.length() > REASON_MAX) {
      throw new RuleViolationException(
          Violation.of("reason", "forward.reason.tooLong", REASON_MAX));
    }
    Mailbox mailbox = mailboxes.lockedLive(mailboxAddress, "forward.mailboxNotFound");
    if (mailbox.getForwardTargets().isEmpty()) {
      throw RuleViolationException.of("forward.none", mailbox.getAddress());
    }
    String targets = String.join(", ", mailbox.getForwardTargets());
    mailbox.stopForwarding();
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        AuditAction.FORWARD_REMOVED,
        SUBJECT,
        mailbox.getId(),
        targets + ": " + reason);
    Account owner = mailbox.getOwner();
    if (owner != null) {
      notify(
          owner,
          mailbox,
          "forwarding.removed",
          mailbox.getAddress(),
          owner.getDisplayName(),
          targets,
          reason);
    }
  }

  /**
   * Mails the owner about their forward in the mailbox itself, past the forward (with no copy kept
   * the notice would otherwise go to the very target it reports), and at their contact address.
   */
  private void notify(Account owner, Mailbox mailbox, String template, Object... args) {
    notifier.tellInMailbox(owner, mailbox, template, args);
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
