package org.postroom.service.filter;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.sieve.FilterRule;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.forwarding.ForwardTargets;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.mailbox.ScriptDeliveries;
import org.postroom.service.mailbox.ScriptDelivery;
import org.postroom.service.sieve.SieveScripts;

/**
 * A person's filter rules on their own mailbox: listed in order, added at the end, changed,
 * switched on and off, moved up and down, removed. Each change writes the mailbox's Sieve script
 * anew (with the vacation reply), which reaches the mail server through the outbox, and is audited.
 * Filters are always the person's own, also where the domain administrator sets forwards and
 * vacation replies; a rule that forwards a copy follows the forward's rules, so there it is
 * refused.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK})
@RolesAllowed(Roles.USER)
public class FilterService {

  static final AuditSubject SUBJECT = AuditSubject.MAILBOX;
  private static final String AREA = "filter";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject ForwardTargets forwardTargets;
  @Inject SieveScripts scripts;
  @Inject AuditLog audit;
  @Inject Freezes freezes;
  @Inject ScriptDeliveries deliveries;
  @Inject Mailboxes mailboxes;

  /** The caller's rules in their order; none without a mailbox. */
  public List<FilterRuleRow> list() {
    return ownMailboxes
        .of(caller())
        .map(mailbox -> rules(mailbox).stream().map(FilterRuleRow::of).toList())
        .orElse(List.of());
  }

  /**
   * Where the latest change of the caller's script (rules and vacation reply) stands on the mail
   * server; null without a mailbox or a change.
   */
  public ScriptDelivery delivery() {
    return ownMailboxes.of(caller()).map(deliveries::latest).orElse(null);
  }

  /** Adds a rule after the others, switched on; its id. */
  public long add(@NotNull FilterSpec spec) {
    Account owner = caller();
    Mailbox mailbox = lockedForChange(owner);
    List<FilterRule> rules = rules(mailbox);
    if (rules.size() >= FilterRule.MAX_PER_MAILBOX) {
      throw RuleViolationException.of("filter.tooMany", FilterRule.MAX_PER_MAILBOX);
    }
    Instant now = Instant.now();
    FilterRule rule = new FilterRule(mailbox, rules.size(), spec, now);
    checkForward(mailbox, rule.spec());
    em.persist(rule);
    changed(mailbox, owner, now, AuditAction.FILTER_ADDED, rule);
    return rule.getId();
  }

  /** Changes what a rule does; its place and whether it is on stay. */
  public void change(long id, @NotNull FilterSpec spec) {
    Account owner = caller();
    Mailbox mailbox = lockedForChange(owner);
    FilterRule rule = ruleOf(mailbox, id);
    Instant now = Instant.now();
    rule.change(spec, now);
    // a refused forward rolls the change back with the transaction
    checkForward(mailbox, rule.spec());
    changed(mailbox, owner, now, AuditAction.FILTER_CHANGED, rule);
  }

  /** Switches a rule on or off; it keeps its place. */
  public void enable(long id, boolean on) {
    Account owner = caller();
    Mailbox mailbox = lockedForChange(owner);
    FilterRule rule = ruleOf(mailbox, id);
    if (rule.isEnabled() == on) {
      return;
    }
    Instant now = Instant.now();
    rule.enable(on, now);
    changed(
        mailbox, owner, now, on ? AuditAction.FILTER_ENABLED : AuditAction.FILTER_DISABLED, rule);
  }

  /** Moves a rule one place up (earlier) or down; at either end nothing changes. */
  public void move(long id, boolean up) {
    Account owner = caller();
    Mailbox mailbox = lockedForChange(owner);
    List<FilterRule> rules = rules(mailbox);
    FilterRule rule = ruleOf(mailbox, id);
    int at = rules.indexOf(rule);
    int to = up ? at - 1 : at + 1;
    if (to < 0 || to >= rules.size()) {
      return;
    }
    FilterRule other = rules.get(to);
    rule.moveTo(to);
    other.moveTo(at);
    changed(mailbox, owner, Instant.now(), AuditAction.FILTER_MOVED, rule);
  }

  /** Removes a rule; the later ones move up. */
  public void remove(long id) {
    Account owner = caller();
    Mailbox mailbox = lockedForChange(owner);
    FilterRule rule = ruleOf(mailbox, id);
    em.remove(rule);
    List<FilterRule> rest = rules(mailbox);
    rest.remove(rule);
    for (int i = 0; i < rest.size(); i++) {
      rest.get(i).moveTo(i);
    }
    changed(mailbox, owner, Instant.now(), AuditAction.FILTER_REMOVED, rule);
  }

  /** The caller's rules, each with whether it is on, in order (their settings file). */
  public List<FilterEntry> entries() {
    return ownMailboxes
        .of(caller())
        .map(mailbox -> rules(mailbox).stream().map(FilterService::entry).toList())
        .orElse(List.of());
  }

  /** A mailbox's rules in order, for the helpdesk (an account's settings file). */
  @RolesAllowed(Roles.HELPDESK)
  public List<FilterEntry> entriesOf(String address) {
    return mailboxes
        .live(address)
        .map(m -> rules(m).stream().map(FilterService::entry).toList())
        .orElse(List.of());
  }

  private static FilterEntry entry(FilterRule rule) {
    return new FilterEntry(rule.spec(), rule.isEnabled());
  }

  /**
   * Replaces the caller's rules with {@code wanted}, in that order (restoring a settings file);
   * every broken rule is reported and nothing is changed.
   */
  public void replaceAll(@NotNull List<FilterEntry> wanted) {
    Account owner = caller();
    replace(lockedForChange(owner), wanted, owner.getUsername());
  }

  /** The helpdesk replaces an account's rules (restoring their settings file). */
  @RolesAllowed(Roles.HELPDESK)
  public void replaceAllAsHelpdesk(String address, @NotNull List<FilterEntry> wanted) {
    Mailbox mailbox = mailboxes.lockedLive(address, "filter.noMailbox");
    freezes.refuse(Feature.FILTERS, mailbox.getDomain());
    replace(mailbox, wanted, caller().getUsername());
  }

  private void replace(Mailbox mailbox, List<FilterEntry> wanted, String actor) {
    if (wanted.size() > FilterRule.MAX_PER_MAILBOX) {
      throw RuleViolationException.of("filter.tooMany", FilterRule.MAX_PER_MAILBOX);
    }
    Instant now = Instant.now();
    rules(mailbox).forEach(em::remove);
    em.flush();
    List<Violation> found = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      FilterEntry entry = wanted.get(i);
      try {
        FilterRule rule = new FilterRule(mailbox, i, entry.rule(), now);
        rule.enable(entry.enabled(), now);
        checkForward(mailbox, rule.spec());
        em.persist(rule);
      } catch (RuleViolationException refused) {
        found.addAll(refused.violations());
      }
    }
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    em.flush();
    scripts.rebuild(mailbox, actor, now);
    audit.record(
        now,
        actor,
        AuditAction.FILTERS_REPLACED,
        SUBJECT,
        mailbox.getId(),
        wanted.size() + " rules");
  }

  /** The caller's mailbox, locked for a change of its rules, unless filters are frozen there. */
  private Mailbox lockedForChange(Account owner) {
    Mailbox mailbox = ownMailboxes.locked(owner, AREA);
    freezes.refuse(Feature.FILTERS, mailbox.getDomain());
    return mailbox;
  }

  private void changed(
      Mailbox mailbox, Account actor, Instant now, AuditAction action, FilterRule rule) {
    em.flush();
    scripts.rebuild(mailbox, actor.getUsername(), now);
    audit.record(now, actor.getUsername(), action, SUBJECT, mailbox.getId(), describe(rule.spec()));
  }

  /** The audit's short account of a rule (its texts bounded, as typed by the person). */
  static String describe(FilterSpec spec) {
    String condition =
        switch (spec.field()) {
          case SIZE_OVER -> "size > " + spec.sizeKb() + " kB";
          case HEADER ->
              spec.headerName()
                  + " "
                  + spec.match().name().toLowerCase(Locale.ROOT)
                  + " "
                  + spec.value();
          default ->
              spec.field().name().toLowerCase(Locale.ROOT)
                  + " "
                  + spec.match().name().toLowerCase(Locale.ROOT)
                  + " "
                  + spec.value();
        };
    String target =
        switch (spec.destination()) {
          case FOLDER -> "folder " + spec.folder();
          case TRASH -> "trash";
          case INBOX -> "inbox";
        };
    String text =
        condition
            + " → "
            + target
            + (spec.markRead() ? ", read" : "")
            + (spec.forwardTo() == null ? "" : ", copy to " + spec.forwardTo())
            + (spec.stop() ? ", stop" : "");
    return text.length() > 400 ? text.substring(0, 399) + "…" : text;
  }

  private void checkForward(Mailbox mailbox, FilterSpec spec) {
    if (spec.forwardTo() == null) {
      return;
    }
    List<Violation> found =
        forwardTargets.checkFilterTarget(mailbox, spec.forwardTo(), "forwardTo");
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
  }

  private List<FilterRule> rules(Mailbox mailbox) {
    return em.createQuery(
            "select r from FilterRule r where r.mailbox = :m order by r.position, r.id",
            FilterRule.class)
        .setParameter("m", mailbox)
        .getResultList();
  }

  /** One of the mailbox's rules; another person's rule is as unknown as one that never was. */
  private FilterRule ruleOf(Mailbox mailbox, long id) {
    FilterRule rule = em.find(FilterRule.class, id);
    if (rule == null || !rule.getMailbox().getId().equals(mailbox.getId())) {
      throw new NotFoundException("filter.notFound");
    }
    return rule;
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
