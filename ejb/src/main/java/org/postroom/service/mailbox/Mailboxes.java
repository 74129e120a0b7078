package org.postroom.service.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ProvisioningChange;

/** Looking up mailboxes for the services that change them by address. */
@ApplicationScoped
public class Mailboxes {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /**
   * The mailbox with the address (any case), locked for a change, unless its deletion is queued;
   * otherwise the rule {@code notFoundKey} with the address as typed.
   */
  public Mailbox lockedLive(String address, String notFoundKey) {
    return liveQuery(address)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException(notFoundKey, address));
  }

  /** The mailbox with the address (any case) unless its deletion is queued, not locked. */
  public Optional<Mailbox> live(String address) {
    return liveQuery(address).getResultStream().findFirst();
  }

  private TypedQuery<Mailbox> liveQuery(String address) {
    return em.createQuery(
            "select m from Mailbox m where m.address = :a and m.deletionQueuedAt is null",
            Mailbox.class)
        .setParameter("a", MailAddresses.normalize(address));
  }

  /** The mailbox's own address, then its further addresses: every address it answers to. */
  public List<String> addressesOf(Mailbox mailbox) {
    List<String> addresses = new ArrayList<>();
    addresses.add(mailbox.getAddress());
    addresses.addAll(aliasesOf(mailbox));
    return addresses;
  }

  /** The mailbox's further addresses, in order. */
  public List<String> aliasesOf(Mailbox mailbox) {
    return em.createQuery(
            "select a.address from MailboxAlias a where a.mailbox = :m order by a.address",
            String.class)
        .setParameter("m", mailbox)
        .getResultList();
  }

  /**
   * The server a mailbox lives on: its own, else its domain's first; empty when none is described.
   */
  public Optional<MailServer> serverOf(Mailbox mailbox) {
    return mailbox.getMailServer() != null
        ? Optional.of(mailbox.getMailServer())
        : firstServer(mailbox.getDomain().getName());
  }

  /**
   * Whether members may log in to this shared mailbox with its address and their own password: its
   * server allows it (view mail_shared_passdb).
   */
  public boolean opensWithSharedLogin(Mailbox shared) {
    return serverOf(shared).map(MailServer::isSharedLogin).orElse(false);
  }

  /**
   * The provisioning key of the server the mailbox lives on ({@code default}: the default settings,
   * also where its domain describes no server).
   */
  public String serverKeyOf(Mailbox mailbox) {
    return serverOf(mailbox)
        .map(MailServer::provisioningKey)
        .orElse(ProvisioningChange.DEFAULT_SERVER);
  }

  /**
   * The provisioning key of each mailbox's server, in two queries whatever their number: the
   * mailboxes' own servers, and each domain's first for the mailboxes that name none.
   */
  public Map<Long, String> serverKeysOf(Collection<Long> mailboxIds) {
    Map<Long, String> keys = new HashMap<>();
    if (mailboxIds.isEmpty()) {
      return keys;
    }
    Map<Long, Long> domainOf = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select m.id, s.provisioning, m.domain.id, s.id from Mailbox m"
                    + " left join m.mailServer s where m.id in :ids",
                Object[].class)
            .setParameter("ids", mailboxIds)
            .getResultList()) {
      if (row[3] != null) {
        keys.put((Long) row[0], keyOf((String) row[1]));
      } else {
        domainOf.put((Long) row[0], (Long) row[2]);
      }
    }
    if (!domainOf.isEmpty()) {
      Map<Long, String> firstOfDomain = new HashMap<>();
      for (Object[] row :
          em.createQuery(
                  "select s.domain.id, s.provisioning from MailServer s where s.domain.id in :d"
                      + " and s.position = (select min(f.position) from MailServer f"
                      + " where f.domain = s.domain)",
                  Object[].class)
              .setParameter("d", new HashSet<>(domainOf.values()))
              .getResultList()) {
        firstOfDomain.put((Long) row[0], keyOf((String) row[1]));
      }
      domainOf.forEach(
          (mailbox, domain) ->
              keys.put(
                  mailbox, firstOfDomain.getOrDefault(domain, ProvisioningChange.DEFAULT_SERVER)));
    }
    return keys;
  }

  private static String keyOf(String provisioning) {
    return provisioning == null ? ProvisioningChange.DEFAULT_SERVER : provisioning;
  }

  /** A domain's first server, the one for every mailbox that names none. */
  public Optional<MailServer> firstServer(String domainName) {
    return em.createQuery(
            "select s from MailServer s where s.domain.name = :d order by s.position",
            MailServer.class)
        .setParameter("d", domainName)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
