package org.postroom.service.vacation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.delegation.DelegatedMailboxes;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.sieve.SieveScripts;

/**
 * A person's vacation reply on their own mailbox (their personal one, else their alumni one). The
 * reply becomes part of the mailbox's Sieve script, which reaches the mail server through the
 * outbox. Where the domain's policy leaves these settings to the domain administrator, the person
 * may not change them.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.DOMAIN_ADMIN})
@RolesAllowed(Roles.USER)
public class VacationService {

  static final AuditSubject SUBJECT = AuditSubject.MAILBOX;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject DelegatedMailboxes delegated;
  @Inject AuditLog audit;
  @Inject SieveScripts scripts;
  @Inject Freezes freezes;
  @Inject Mailboxes mailboxes;

  /** Sets the caller's reply; a broken rule changes nothing. */
  public void set(@NotNull VacationForm form) {
    Account owner = caller();
    reply(ownMailboxes.lockedForSettings(owner, "vacation"), form, owner.getUsername());
  }

  /** The domain administrator sets the reply of a mailbox of their domain. */
  @RolesAllowed(Roles.DOMAIN_ADMIN)
  public void setFor(String address, @NotNull VacationForm form) {
    Account admin = caller();
    reply(delegated.locked(admin, address), form, admin.getUsername());
  }

  /** The domain administrator switches off the reply of a mailbox of their domain. */
  @RolesAllowed(Roles.DOMAIN_ADMIN)
  public void clearFor(String address) {
    Account admin = caller();
    stop(delegated.locked(admin, address), admin.getUsername());
  }

  /** The helpdesk sets an account's reply (restoring their settings file). */
  @RolesAllowed(Roles.HELPDESK)
  public void setAsHelpdesk(String address, @NotNull VacationForm form) {
    reply(mailboxes.lockedLive(address, "vacation.noMailbox"), form, caller().getUsername());
  }

  /**
   * Another system (an API token, e.g. a staff scheduling system) sets a mailbox's reply; the audit
   * names the token.
   */
  @RolesAllowed(Roles.ADMIN)
  public void setByApi(String address, @NotNull VacationForm form) {
    reply(mailboxes.lockedLive(address, "mailbox.unknown"), form, apiCaller());
  }

  /** The mailbox's reply as another system (an API token) reads it; empty when it has none. */
  @RolesAllowed(Roles.ADMIN)
  public Optional<VacationForm> readByApi(String address) {
    Mailbox mailbox =
        mailboxes
            .live(address)
            .orElseThrow(() -> new NotFoundException("mailbox.unknown", address));
    return Optional.ofNullable(VacationForm.of(em.find(VacationReply.class, mailbox.getId())));
  }

  /** Another system (an API token) switches a mailbox's reply off. */
  @RolesAllowed(Roles.ADMIN)
  public void clearByApi(String address) {
    stop(mailboxes.lockedLive(address, "mailbox.unknown"), apiCaller());
  }

  /** The helpdesk switches off an account's reply (restoring their settings file). */
  @RolesAllowed(Roles.HELPDESK)
  public void clearAsHelpdesk(String address) {
    stop(mailboxes.lockedLive(address, "vacation.noMailbox"), caller().getUsername());
  }

  private void reply(Mailbox mailbox, VacationForm form, String actor) {
    freezes.refuse(Feature.VACATION, mailbox.getDomain());
    Instant now = Instant.now();
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    boolean created = reply == null;
    if (created) {
      reply = new VacationReply(mailbox);
    }
    reply.set(
        form.subject(), form.body(), form.startsOn(), form.endsOn(), form.intervalDays(), now);
    if (created) {
      em.persist(reply);
    }
    scripts.rebuild(mailbox, actor, now);
    audit.record(
        now,
        actor,
        AuditAction.VACATION_SET,
        SUBJECT,
        mailbox.getId(),
        Objects.toString(reply.getStartsOn(), "…")
            + " – "
            + Objects.toString(reply.getEndsOn(), "…"));
  }

  /** Switches the caller's reply off. */
  public void clear() {
    Account owner = caller();
    stop(ownMailboxes.lockedForSettings(owner, "vacation"), owner.getUsername());
  }

  private void stop(Mailbox mailbox, String actor) {
    freezes.refuse(Feature.VACATION, mailbox.getDomain());
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    if (reply == null) {
      return;
    }
    Instant now = Instant.now();
    em.remove(reply);
    em.flush();
    scripts.rebuild(mailbox, actor, now);
    audit.record(now, actor, AuditAction.VACATION_CLEARED, SUBJECT, mailbox.getId(), null);
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }

  /** The token's name as the services see it ({@code api:…}): it has no account. */
  private String apiCaller() {
    return context.getCallerPrincipal().getName();
  }
}
