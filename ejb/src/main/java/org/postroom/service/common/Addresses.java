package org.postroom.service.common;

import jakarta.persistence.EntityManager;

/**
 * Whether an address is in use: by a mailbox of any kind, or claimed by an open shared-mailbox
 * request. A check for a clear message only; the unique indexes have the last word.
 */
public final class Addresses {

  private Addresses() {}

  public static boolean isTaken(EntityManager em, String address) {
    return em.createQuery("select count(m) from Mailbox m where m.address = :a", Long.class)
                .setParameter("a", address)
                .getSingleResult()
            > 0
        || em.createQuery(
                    "select count(r) from SharedMailboxRequest r where r.openAddress = :a",
                    Long.class)
                .setParameter("a", address)
                .getSingleResult()
            > 0;
  }
}
