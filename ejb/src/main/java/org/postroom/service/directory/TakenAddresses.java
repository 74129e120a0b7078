package org.postroom.service.directory;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which addresses are taken (by mailboxes, open requests, aliases and distribution lists), for one
 * chunk: the likely candidates are loaded with one query, anything else is asked when needed, and
 * addresses handed out within the chunk count as taken at once.
 */
final class TakenAddresses {

  private final EntityManager em;
  private final Set<String> preloaded;
  private final Set<String> taken = new HashSet<>();

  private final Set<String> completeBases;

  TakenAddresses(EntityManager em, Set<String> bases, Set<String> candidates) {
    this.em = em;
    this.preloaded = new HashSet<>(candidates);
    this.completeBases = new HashSet<>(bases);
    if (!candidates.isEmpty()) {
      taken.addAll(query(List.copyOf(candidates)));
    }
    if (!bases.isEmpty()) {
      taken.addAll(
          em.createQuery(
                  "select m.address from Mailbox m where m.addressBase in :bases", String.class)
              .setParameter("bases", List.copyOf(bases))
              .getResultList());
      // aliases and distribution lists have no base: all of those in the chunk's domains (few)
      List<String> domains =
          bases.stream().map(b -> b.substring(b.lastIndexOf('@') + 1)).distinct().toList();
      for (String entity : List.of("MailboxAlias", "DistributionList")) {
        taken.addAll(
            em.createQuery(
                    "select x.address from "
                        + entity
                        + " x where substring(x.address, locate('@', x.address) + 1) in :domains",
                    String.class)
                .setParameter("domains", domains)
                .getResultList());
      }
    }
  }

  /** Whether the address is taken; {@code base} is the generated base it was made from, if any. */
  boolean isTaken(String address, String base) {
    if (taken.contains(address)) {
      return true;
    }
    if (preloaded.contains(address) || (base != null && completeBases.contains(base))) {
      // every address made from this base is known; another name's base that happens to look like
      // it
      // (a surname ending in digits) is left to the unique index
      return false;
    }
    preloaded.add(address);
    if (!query(List.of(address)).isEmpty()) {
      taken.add(address);
      return true;
    }
    return false;
  }

  void claim(String address) {
    taken.add(address);
  }

  /**
   * Of the given addresses (proposed in this chunk, so already claimed), those the database holds:
   * they stay taken here, and their proposals must be made anew.
   */
  List<String> takenAmong(Collection<String> proposals) {
    return proposals.isEmpty() ? List.of() : query(List.copyOf(proposals));
  }

  private List<String> query(List<String> addresses) {
    List<String> found =
        new java.util.ArrayList<>(
            em.createQuery(
                    "select m.address from Mailbox m where m.address in :addresses", String.class)
                .setParameter("addresses", addresses)
                .getResultList());
    found.addAll(
        em.createQuery(
                "select r.openAddress from SharedMailboxRequest r where r.openAddress in :addresses",
                String.class)
            .setParameter("addresses", addresses)
            .getResultList());
    for (String entity : List.of("MailboxAlias", "DistributionList")) {
      found.addAll(
          em.createQuery(
                  "select x.address from " + entity + " x where x.address in :addresses",
                  String.class)
              .setParameter("addresses", addresses)
              .getResultList());
    }
    return found;
  }
}
