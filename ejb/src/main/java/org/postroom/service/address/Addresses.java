package org.postroom.service.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Whether an address is in use: by a mailbox of any kind, an alias, a distribution list, or claimed
 * by an open shared-mailbox request. A check for a clear message only; the unique indexes of each
 * table have the last word within it.
 */
@ApplicationScoped
public class Addresses {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  private final List<String> USES =
      List.of(
          "select count(m) from Mailbox m where m.address = :a",
          "select count(a) from MailboxAlias a where a.address = :a",
          "select count(l) from DistributionList l where l.address = :a",
          "select count(r) from SharedMailboxRequest r where r.openAddress = :a");

  public boolean isTaken(String address) {
    return USES.stream()
        .anyMatch(
            query ->
                em.createQuery(query, Long.class).setParameter("a", address).getSingleResult() > 0);
  }
}
