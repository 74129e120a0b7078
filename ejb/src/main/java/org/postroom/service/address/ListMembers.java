package org.postroom.service.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.service.audit.AuditLog;

/**
 * Changing a distribution list's members, for the helpdesk and for the list's owners alike: every
 * address checked before any is added (a bad one changes nothing), no delivery loop, one audit
 * entry per change. Postfix reads the members from the portal database, so a change takes effect
 * with the next message.
 */
@ApplicationScoped
public class ListMembers {

  static final AuditSubject LIST = AuditSubject.DISTRIBUTION_LIST;

  /** Addresses an audit entry names at most; a longer paste is summed up. */
  private static final int AUDIT_NAMES = 50;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject AddressGraph graph;
  @Inject AuditLog audit;

  /** The list with this address, locked for a change; not found is reported with its address. */
  public DistributionList locked(String listAddress) {
    return em.createQuery(
            "select l from DistributionList l where l.address = :a", DistributionList.class)
        .setParameter("a", MailAddresses.normalize(listAddress))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "distributionList.notFound", MailAddresses.normalize(listAddress)));
  }

  /**
   * Adds the addresses that are not members yet.
   *
   * @return how many were new
   */
  public int add(DistributionList list, List<String> raw, String actor) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> malformed = new ArrayList<>();
    for (String item : raw) {
      String address = MailAddresses.normalize(item);
      if (MailAddresses.isWellFormed(address) && !address.equals(list.getAddress())) {
        wanted.add(address);
      } else if (!address.isEmpty()) {
        malformed.add(item.strip());
      }
    }
    if (!malformed.isEmpty()) {
      throw new RuleViolationException(
          Violation.of("members", "distributionList.malformed", String.join(", ", malformed)));
    }
    if (wanted.isEmpty()) {
      throw new RuleViolationException(Violation.of("members", "distributionList.noneGiven"));
    }
    // a set: a paste of thousands against thousands of members, not a list searched per address
    wanted.removeAll(new HashSet<>(list.getMembers()));
    if (wanted.isEmpty()) {
      return 0;
    }
    Optional<List<String>> loop = graph.pathTo(wanted, Set.of(list.getAddress()));
    if (loop.isPresent()) {
      throw new RuleViolationException(
          Violation.of(
              "members",
              "address.loop",
              list.getAddress() + " → " + String.join(" → ", loop.get())));
    }
    for (String address : wanted) {
      list.addMember(address);
    }
    audit.record(
        Instant.now(),
        actor,
        AuditAction.LIST_MEMBER_ADDED,
        LIST,
        list.getId(),
        names(List.copyOf(wanted)));
    return wanted.size();
  }

  public void remove(DistributionList list, String member, String actor) {
    list.removeMember(member);
    audit.record(
        Instant.now(),
        actor,
        AuditAction.LIST_MEMBER_REMOVED,
        LIST,
        list.getId(),
        MailAddresses.normalize(member));
  }

  /** The addresses for an audit entry: all of them, or the first 50 and how many more. */
  static String names(List<String> addresses) {
    if (addresses.size() <= AUDIT_NAMES) {
      return String.join(", ", addresses);
    }
    return String.join(", ", addresses.subList(0, AUDIT_NAMES))
        + " and "
        + (addresses.size() - AUDIT_NAMES)
        + " more";
  }
}
