package org.postroom.service.settings;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
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
import java.util.Objects;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.filter.FilterEntry;
import org.postroom.service.filter.FilterService;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.mailbox.TrashService;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/**
 * People take their settings with them: their forward, vacation reply, filter rules, trash choice
 * and the shared mailboxes they belong to as a file (and their Sieve script), and restore them from
 * such a file later, through the same services and rules as the forms: a part that is refused
 * leaves nothing of the file applied. The helpdesk does both for an account (audited).
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK})
public class SettingsTransfer {

  /** The parts a restore may change, in the order it applies them. */
  public enum Part {
    FORWARD,
    VACATION,
    FILTERS,
    TRASH
  }

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject AuditLog audit;
  @Inject ForwardingService forwarding;
  @Inject VacationService vacations;
  @Inject FilterService filters;
  @Inject TrashService trash;

  /** The caller's settings as a file. */
  @RolesAllowed(Roles.USER)
  public SettingsFile exportOwn() {
    return export(own(), filters.entries());
  }

  /** An account's settings as a file, for the helpdesk (audited: the helpdesk read them). */
  @RolesAllowed(Roles.HELPDESK)
  public SettingsFile exportFor(String username) {
    Mailbox mailbox = mailboxOf(username);
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        AuditAction.SETTINGS_EXPORTED,
        AuditSubject.MAILBOX,
        mailbox.getId(),
        mailbox.getAddress());
    return export(mailbox, filters.entriesOf(mailbox.getAddress()));
  }

  /** The caller's Sieve script as Postroom wants it on the mail server; empty when none. */
  @RolesAllowed(Roles.USER)
  public String sieveOwn() {
    return sieve(own());
  }

  @RolesAllowed(Roles.HELPDESK)
  public String sieveFor(String username) {
    return sieve(mailboxOf(username));
  }

  /**
   * Restores the caller's settings from a file: each part that differs is set through its service,
   * as the forms do; when any part is refused, every violation is reported and nothing is kept.
   * Answers the parts that changed (none when the file matches what is set).
   */
  @RolesAllowed(Roles.USER)
  public List<Part> restoreOwn(SettingsFile file) {
    Mailbox mailbox = own();
    return restore(mailbox, file, false);
  }

  /** The helpdesk restores an account's settings from their file; the owner is mailed as usual. */
  @RolesAllowed(Roles.HELPDESK)
  public List<Part> restoreFor(String username, SettingsFile file) {
    return restore(mailboxOf(username), file, true);
  }

  private List<Part> restore(Mailbox mailbox, SettingsFile file, boolean helpdesk) {
    if (file == null || !SettingsFile.FORMAT.equals(file.format())) {
      throw RuleViolationException.of("settings.file.format", SettingsFile.FORMAT);
    }
    String address = mailbox.getAddress();
    SettingsFile now = export(mailbox, helpdesk ? filters.entriesOf(address) : filters.entries());
    List<Part> changed = new ArrayList<>();
    List<Violation> refused = new ArrayList<>();
    SettingsFile.Forward forward =
        file.forward() == null ? new SettingsFile.Forward(List.of(), true) : file.forward();
    if (!sameForward(forward, now.forward())) {
      attempt(
          refused,
          () -> {
            if (!forward.forwarding()) {
              if (helpdesk) {
                forwarding.clearAsHelpdesk(address);
              } else {
                forwarding.clear();
              }
            } else if (helpdesk) {
              forwarding.setAsHelpdesk(address, forward.targets(), forward.keepCopy());
            } else {
              forwarding.set(forward.targets(), forward.keepCopy());
            }
          });
      changed.add(Part.FORWARD);
    }
    if (!Objects.equals(file.vacation(), now.vacation())) {
      SettingsFile.Vacation v = file.vacation();
      attempt(
          refused,
          () -> {
            if (v == null) {
              if (helpdesk) {
                vacations.clearAsHelpdesk(address);
              } else {
                vacations.clear();
              }
            } else {
              VacationForm form =
                  new VacationForm(
                      v.subject(), v.body(), v.startsOn(), v.endsOn(), v.intervalDays());
              if (helpdesk) {
                vacations.setAsHelpdesk(address, form);
              } else {
                vacations.set(form);
              }
            }
          });
      changed.add(Part.VACATION);
    }
    List<FilterEntry> rules = file.filterRules() == null ? List.of() : file.filterRules();
    if (!rules.equals(now.filterRules())) {
      attempt(
          refused,
          () -> {
            if (helpdesk) {
              filters.replaceAllAsHelpdesk(address, rules);
            } else {
              filters.replaceAll(rules);
            }
          });
      changed.add(Part.FILTERS);
    }
    SettingsFile.Trash wantedTrash = trash(file.trash());
    if (!wantedTrash.name().equals(now.trash())) {
      attempt(
          refused,
          () -> {
            if (helpdesk) {
              trash.keepDeletedAsHelpdesk(address, wantedTrash.keep());
            } else {
              trash.keepDeleted(wantedTrash.keep());
            }
          });
      changed.add(Part.TRASH);
    }
    if (!refused.isEmpty()) {
      // a refused part has marked the transaction for rollback already: nothing of the file stays
      throw new RuleViolationException(refused);
    }
    if (!changed.isEmpty()) {
      audit.record(
          Instant.now(),
          context.getCallerPrincipal().getName(),
          AuditAction.SETTINGS_RESTORED,
          AuditSubject.MAILBOX,
          mailbox.getId(),
          changed.toString());
    }
    return changed;
  }

  /**
   * Sets one part unless an earlier one was refused: a refusal marks the transaction for rollback,
   * and the connection takes no further statement in it. The first refused part's reasons are
   * reported.
   */
  private static void attempt(List<Violation> refused, Runnable part) {
    if (!refused.isEmpty()) {
      return;
    }
    try {
      part.run();
    } catch (RuleViolationException broken) {
      refused.addAll(broken.violations());
    }
  }

  private static boolean sameForward(SettingsFile.Forward wanted, SettingsFile.Forward current) {
    if (!wanted.forwarding()) {
      return !current.forwarding();
    }
    List<String> targets =
        wanted.targets().stream()
            .map(t -> t == null ? "" : t.strip().toLowerCase(Locale.ROOT))
            .toList();
    return targets.equals(current.targets()) && wanted.keepCopy() == current.keepCopy();
  }

  private static SettingsFile.Trash trash(String text) {
    if (text == null || text.isBlank()) {
      return SettingsFile.Trash.DOMAIN;
    }
    try {
      return SettingsFile.Trash.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new RuleViolationException(Violation.of("trash", "settings.trash.invalid", text));
    }
  }

  private SettingsFile export(Mailbox mailbox, List<FilterEntry> rules) {
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    List<String> shared =
        mailbox.getOwner() == null
            ? List.of()
            : em.createQuery(
                    "select m.address from Mailbox m join m.members a where a = :owner"
                        + " and m.deletionQueuedAt is null order by m.address",
                    String.class)
                .setParameter("owner", mailbox.getOwner())
                .getResultList();
    return new SettingsFile(
        SettingsFile.FORMAT,
        Instant.now(),
        mailbox.getAddress(),
        new SettingsFile.Forward(mailbox.getForwardTargets(), mailbox.isForwardKeepCopy()),
        reply == null
            ? null
            : new SettingsFile.Vacation(
                reply.getSubject(),
                reply.getBody(),
                reply.getStartsOn(),
                reply.getEndsOn(),
                reply.getIntervalDays()),
        rules,
        SettingsFile.Trash.of(mailbox.getTrashKeepsDeleted()).name(),
        shared);
  }

  private String sieve(Mailbox mailbox) {
    MailboxSieve script = em.find(MailboxSieve.class, mailbox.getId());
    return script == null ? "" : script.getScript();
  }

  private Mailbox own() {
    Account caller = accounts.of(context.getCallerPrincipal());
    return ownMailboxes
        .of(caller)
        .orElseThrow(() -> RuleViolationException.of("settings.noMailbox"));
  }

  private Mailbox mailboxOf(String username) {
    Account account =
        accounts
            .byUsername(Account.normalizeUsername(username))
            .orElseThrow(() -> new NotFoundException("settings.accountNotFound", username));
    return ownMailboxes
        .of(account)
        .orElseThrow(() -> RuleViolationException.of("settings.noMailboxFor", username));
  }
}
