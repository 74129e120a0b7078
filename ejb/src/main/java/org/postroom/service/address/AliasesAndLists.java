package org.postroom.service.address;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxAlias;
import org.postroom.domain.maildomain.LocalPartRules;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.maildomain.MailDomains;

/**
 * The helpdesk's addresses that deliver elsewhere: aliases of a mailbox and distribution lists.
 * They live in the portal database, which Postfix reads (view {@code mail_aliases}), so a change
 * takes effect with the next message. A new address must be free in a domain Postroom serves and
 * follow the domain's local-part rules; no change may close a delivery loop.
 *
 * <p>Approving a staff member's list request makes the list through it; its owners then change its
 * members themselves ({@link ListOwners}).
 */
@Stateless
@DeclareRoles({Roles.HELPDESK})
@RolesAllowed(Roles.HELPDESK)
public class AliasesAndLists {

  static final AuditSubject MAILBOX = AuditSubject.MAILBOX;
  static final AuditSubject LIST = AuditSubject.DISTRIBUTION_LIST;

  /** Dots a new alias or list address may have (generated personal addresses have up to three). */
  static final int MAX_DOTS = 3;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;
  @Inject Addresses addresses;

  @Resource SessionContext context;
  @Inject AddressGraph graph;
  @Inject MailDomains domains;
  @Inject AuditLog audit;
  @Inject Accounts accounts;
  @Inject ListMembers listMembers;

  /** Gives the mailbox a further address. */
  public void addAlias(String mailboxAddress, String rawAlias) {
    Mailbox mailbox = mailboxes.lockedLive(mailboxAddress, "alias.noMailbox");
    String alias = newAddress(rawAlias, "alias");
    Optional<List<String>> loop = graph.pathTo(mailbox.getForwardTargets(), Set.of(alias));
    if (loop.isPresent()) {
      List<String> path = new ArrayList<>(List.of(mailbox.getAddress()));
      path.addAll(loop.get());
      throw loop(alias, path);
    }
    em.persist(new MailboxAlias(mailbox, alias, Instant.now()));
    Flush.orFail(em, Violation.of("address", "alias.taken", alias));
    audit.record(
        Instant.now(), helpdesk(), AuditAction.ALIAS_ADDED, MAILBOX, mailbox.getId(), alias);
  }

  public void removeAlias(String rawAlias) {
    String alias = MailAddresses.normalize(rawAlias);
    MailboxAlias found =
        em.createQuery("select a from MailboxAlias a where a.address = :a", MailboxAlias.class)
            .setParameter("a", alias)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("alias.notFound", alias));
    em.remove(found);
    audit.record(
        Instant.now(),
        helpdesk(),
        AuditAction.ALIAS_REMOVED,
        MAILBOX,
        found.getMailbox().getId(),
        alias);
  }

  /** Creates a distribution list with its first members. */
  public long createList(String rawAddress, String purpose, List<String> members) {
    String address = newAddress(rawAddress, "distributionList");
    MailDomain domain = servedDomain(MailAddresses.domainOf(address), "distributionList");
    DistributionList list = new DistributionList(domain, address, purpose, Instant.now());
    for (String member : members) {
      list.addMember(member);
    }
    requireNoLoop(address, list.getMembers());
    em.persist(list);
    Flush.orFail(em, Violation.of("address", "distributionList.taken", address));
    audit.record(
        Instant.now(),
        helpdesk(),
        AuditAction.LIST_CREATED,
        LIST,
        list.getId(),
        address + ": " + ListMembers.names(list.getMembers()));
    return list.getId();
  }

  /**
   * Sets who may send to the list, the day it ends and its owners (usernames; an unknown one is
   * refused and nothing changes).
   */
  public void configureList(
      String listAddress, SendPolicy sending, LocalDate endsOn, List<String> ownerUsernames) {
    DistributionList list = lockedList(listAddress);
    Set<String> wanted =
        ownerUsernames.stream().map(Account::normalizeUsername).collect(Collectors.toSet());
    List<Account> owners = accounts.byUsernames(wanted);
    if (owners.size() != wanted.size()) {
      Set<String> found = owners.stream().map(Account::getUsername).collect(Collectors.toSet());
      throw new RuleViolationException(
          Violation.of(
              "owners",
              "request.members.unknown",
              String.join(
                  ", ", wanted.stream().filter(u -> !found.contains(u)).sorted().toList())));
    }
    list.sendFrom(sending);
    list.endOn(endsOn);
    list.reopenIfEndsAfter(LocalDate.now());
    list.ownedBy(owners);
    audit.record(
        Instant.now(),
        helpdesk(),
        AuditAction.LIST_CHANGED,
        LIST,
        list.getId(),
        "sending " + list.getSendPolicy() + ", ends " + endsOn + ", owners " + ownerUsernames);
  }

  /** Closes the list now: Postfix refuses mail to it from here on. */
  public void closeList(String listAddress) {
    DistributionList list = lockedList(listAddress);
    list.close(Instant.now());
    audit.record(
        Instant.now(), helpdesk(), AuditAction.LIST_CLOSED, LIST, list.getId(), list.getAddress());
  }

  public void addListMember(String listAddress, String member) {
    listMembers.add(listMembers.locked(listAddress), List.of(member), helpdesk());
  }

  public void removeListMember(String listAddress, String member) {
    listMembers.remove(listMembers.locked(listAddress), member, helpdesk());
  }

  private void requireNoLoop(String listAddress, List<String> members) {
    Optional<List<String>> loop = graph.pathTo(members, Set.of(listAddress));
    if (loop.isPresent()) {
      throw loop(listAddress, loop.get());
    }
  }

  /** Mail to {@code address} would come back to it: address → path (which ends with it). */
  private static RuleViolationException loop(String address, List<String> path) {
    return new RuleViolationException(
        Violation.of("address", "address.loop", address + " → " + String.join(" → ", path)));
  }

  private DistributionList lockedList(String listAddress) {
    return listMembers.locked(listAddress);
  }

  /** A free, well-formed address in a served domain whose local part follows the domain's rules. */
  private String newAddress(String raw, String area) {
    String address = MailAddresses.normalize(raw);
    if (!MailAddresses.isWellFormed(address)) {
      throw new RuleViolationException(Violation.of("address", area + ".malformed", address));
    }
    MailDomain domain = servedDomain(MailAddresses.domainOf(address), area);
    String localPart = address.substring(0, address.lastIndexOf('@'));
    List<Violation> broken =
        LocalPartRules.check(
            localPart, domain.getMailboxPolicy().getLocalPartMaxLength(), MAX_DOTS);
    if (!broken.isEmpty()) {
      throw new RuleViolationException(broken);
    }
    if (addresses.isTaken(address)) {
      throw new RuleViolationException(Violation.of("address", area + ".taken", address));
    }
    return address;
  }

  private MailDomain servedDomain(String name, String area) {
    return domains
        .byName(name)
        .orElseThrow(
            () -> new RuleViolationException(Violation.of("address", area + ".domain", name)));
  }

  private String helpdesk() {
    return context.getCallerPrincipal().getName();
  }
}
