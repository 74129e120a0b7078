package org.postroom.service.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.mailbox.Mailbox;

/** Looking up mailboxes for the services that change them by address. */
public final class Mailboxes {

  private Mailboxes() {}

  /**
   * The mailbox with the address (any case), locked for a change, unless its deletion is queued;
   * otherwise the rule {@code notFoundKey} with the address as typed.
   */
  public static Mailbox lockedLive(EntityManager em, String address, String notFoundKey) {
    return liveQuery(em, address)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException(notFoundKey, address));
  }

  /** The mailbox with the address (any case) unless its deletion is queued, not locked. */
  public static Optional<Mailbox> live(EntityManager em, String address) {
    return liveQuery(em, address).getResultStream().findFirst();
  }

  private static TypedQuery<Mailbox> liveQuery(EntityManager em, String address) {
    return em.createQuery(
            "select m from Mailbox m where m.address = :a and m.deletionQueuedAt is null",
            Mailbox.class)
        .setParameter("a", MailAddresses.normalize(address));
  }

  /** The mailbox's own address, then its further addresses: every address it answers to. */
  public static List<String> addressesOf(EntityManager em, Mailbox mailbox) {
    List<String> addresses = new ArrayList<>();
    addresses.add(mailbox.getAddress());
    addresses.addAll(aliasesOf(em, mailbox));
    return addresses;
  }

  /** The mailbox's further addresses, in order. */
  public static List<String> aliasesOf(EntityManager em, Mailbox mailbox) {
    return em.createQuery(
            "select a.address from MailboxAlias a where a.mailbox = :m order by a.address",
            String.class)
        .setParameter("m", mailbox)
        .getResultList();
  }

  /**
   * The server a mailbox lives on: its own, else its domain's first; empty when none is described.
   */
  public static Optional<MailServer> serverOf(EntityManager em, Mailbox mailbox) {
    return mailbox.getMailServer() != null
        ? Optional.of(mailbox.getMailServer())
        : firstServer(em, mailbox.getDomain().getName());
  }

  /**
   * Whether members may log in to this shared mailbox with its address and their own password: its
   * server allows it (view mail_shared_passdb).
   */
  public static boolean opensWithSharedLogin(EntityManager em, Mailbox shared) {
    return serverOf(em, shared).map(MailServer::isSharedLogin).orElse(false);
  }

  /** A domain's first server, the one for every mailbox that names none. */
  public static Optional<MailServer> firstServer(EntityManager em, String domainName) {
    return em.createQuery(
            "select s from MailServer s where s.domain.name = :d order by s.position",
            MailServer.class)
        .setParameter("d", domainName)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
