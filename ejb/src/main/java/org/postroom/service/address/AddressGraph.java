package org.postroom.service.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where mail to an address goes next inside Postroom, as Postfix expands it (view {@code
 * mail_aliases}): an alias to its mailbox, a forwarding mailbox to its targets, a distribution list
 * to its members. Used to refuse a change that would close a loop (A→B→A, or longer).
 */
@ApplicationScoped
public class AddressGraph {

  /** Addresses followed at most for one check; a chain longer than this is refused as a loop. */
  static final int MAX_ADDRESSES = 10_000;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /**
   * The chain from one of {@code starts} to one of {@code forbidden}, following the expansions
   * above breadth first, one query per kind and level; empty when none is reached.
   */
  public Optional<List<String>> pathTo(Collection<String> starts, Set<String> forbidden) {
    Map<String, String> cameFrom = new HashMap<>();
    Set<String> level = new LinkedHashSet<>(starts);
    for (String start : starts) {
      cameFrom.put(start, null);
    }
    while (!level.isEmpty()) {
      for (String address : level) {
        if (forbidden.contains(address)) {
          return Optional.of(chain(cameFrom, address));
        }
      }
      if (cameFrom.size() > MAX_ADDRESSES) {
        return Optional.of(chain(cameFrom, level.iterator().next()));
      }
      Set<String> next = new LinkedHashSet<>();
      for (Object[] edge : expansions(level)) {
        String from = (String) edge[0];
        String to = (String) edge[1];
        if (!cameFrom.containsKey(to)) {
          cameFrom.put(to, from);
          next.add(to);
        }
      }
      level = next;
    }
    return Optional.empty();
  }

  private List<Object[]> expansions(Set<String> addresses) {
    List<String> list = List.copyOf(addresses);
    List<Object[]> edges = new ArrayList<>();
    edges.addAll(
        em.createQuery(
                "select a.address, m.address from MailboxAlias a join a.mailbox m"
                    + " where a.address in :a and m.deletionQueuedAt is null",
                Object[].class)
            .setParameter("a", list)
            .getResultList());
    edges.addAll(
        em.createQuery(
                "select m.address, t from Mailbox m join m.forwardTargets t"
                    + " where m.address in :a and m.deletionQueuedAt is null",
                Object[].class)
            .setParameter("a", list)
            .getResultList());
    edges.addAll(
        em.createQuery(
                "select l.address, listed from DistributionList l join l.members listed"
                    + " where l.address in :a",
                Object[].class)
            .setParameter("a", list)
            .getResultList());
    return edges;
  }

  private static List<String> chain(Map<String, String> cameFrom, String end) {
    List<String> chain = new ArrayList<>();
    for (String at = end; at != null; at = cameFrom.get(at)) {
      chain.add(at);
    }
    Collections.reverse(chain);
    return chain;
  }
}
