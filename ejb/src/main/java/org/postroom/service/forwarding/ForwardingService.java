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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.forwarding.ForwardRules;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.address.AddressGraph;
import org.postroom.service.audit.AuditLog;

/**
 * A person's forward on their own mailbox: to one or more addresses, keeping a copy or not. The
 * forward lives in the portal database, which Postfix reads (view {@code mail_aliases}): it takes
 * effect with the next message, with nothing to send to the mail server. Besides {@link
 * ForwardRules}, a forward may not close a loop through other Postroom addresses.
 */
@Stateless
@DeclareRoles({Roles.USER})
@RolesAllowed(Roles.USER)
public class ForwardingService {

  static final String SUBJECT = "Mailbox";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject AddressGraph graph;
  @Inject AuditLog audit;

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
    Mailbox mailbox = ownMailboxes.lockedForSettings(owner, "forward");
    List<String> targets = ForwardRules.normalize(rawTargets);
    Set<String> own = ownAddresses(mailbox);
    Set<String> served = servedDomains();
    mailbox.forwardTo(targets, keepCopy, own, served::contains);
    Optional<List<String>> loop = graph.pathTo(targets, own);
    if (loop.isPresent()) {
      throw new RuleViolationException(
          Violation.of(
              "targets",
              "forward.loop",
              mailbox.getAddress() + " → " + String.join(" → ", loop.get())));
    }
    audit.record(
        Instant.now(),
        owner.getUsername(),
        "FORWARD_SET",
        SUBJECT,
        mailbox.getId(),
        String.join(", ", targets) + (keepCopy ? " (copy kept)" : ""));
  }

  /** Mail to the caller stays in their mailbox again. */
  public void clear() {
    Account owner = caller();
    Mailbox mailbox = ownMailboxes.lockedForSettings(owner, "forward");
    if (mailbox.getForwardTargets().isEmpty()) {
      return;
    }
    mailbox.stopForwarding();
    audit.record(
        Instant.now(), owner.getUsername(), "FORWARD_CLEARED", SUBJECT, mailbox.getId(), null);
  }

  private Set<String> ownAddresses(Mailbox mailbox) {
    Set<String> own = new HashSet<>();
    own.add(mailbox.getAddress());
    own.addAll(
        em.createQuery("select a.address from MailboxAlias a where a.mailbox = :m", String.class)
            .setParameter("m", mailbox)
            .getResultList());
    return own;
  }

  private Set<String> servedDomains() {
    return new HashSet<>(
        em.createQuery("select d.name from MailDomain d", String.class).getResultList());
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
