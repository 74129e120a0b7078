package org.postroom.service.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.provisioning.Outbox;

/**
 * On which of its domain's servers a mailbox lives, where a domain has more than one (hosting
 * provider E): the helpdesk's choice, so that the mailbox's people are told that server.
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
public class MailboxPlacements {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject Outbox outbox;

  /**
   * Where each of these mailboxes lives, for those whose domain has more than one server (hosting
   * provider E): the current server's name and the names to choose from.
   */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public List<Placement> placements(List<String> addresses) {
    List<Placement> placements = new java.util.ArrayList<>();
    for (String address : addresses) {
      Mailbox mailbox = liveMailbox(address);
      if (mailbox == null) {
        continue;
      }
      List<String> names = serverNames(mailbox.getDomain());
      if (names.size() > 1) {
        placements.add(
            new Placement(
                address, mailboxes.serverOf(mailbox).map(MailServer::getName).orElse(null), names));
      }
    }
    return placements;
  }

  /**
   * Records on which of its domain's servers a mailbox lives, so that its people's mail programs
   * are told that server; audited. Where the new server is provisioned through other settings than
   * the old one (another Dovecot), what Postroom put on the old one is put on the new one through
   * the outbox (its Sieve script; a shared mailbox's storage and grant), and the answer says what
   * stays on the old server: the mail and folders (moving them is the operators', e.g. {@code
   * doveadm backup}), and Postroom's script and grant there.
   */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public Move place(String address, String serverName) {
    Mailbox mailbox = liveMailbox(address);
    if (mailbox == null) {
      throw new NotFoundException("client.mailboxNotFound", String.valueOf(address));
    }
    em.lock(mailbox.getDomain(), LockModeType.PESSIMISTIC_WRITE); // first, as a removal does
    em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
    MailServer server =
        em.createQuery(
                "select s from MailServer s where s.domain = :d and s.name = :n", MailServer.class)
            .setParameter("d", mailbox.getDomain())
            .setParameter("n", serverName)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("client.serverNotFound", String.valueOf(serverName)));
    String helpdesk = context.getCallerPrincipal().getName();
    Instant now = Instant.now();
    MailServer before = mailboxes.serverOf(mailbox).orElse(null);
    String beforeKey =
        before == null ? ProvisioningChange.DEFAULT_SERVER : before.provisioningKey();
    MailboxSieve script = em.find(MailboxSieve.class, mailbox.getId());
    mailbox.liveOn(server);
    Move move =
        new Move(
            mailbox.getAddress(),
            before == null ? null : before.getName(),
            server.getName(),
            beforeKey.equals(server.provisioningKey()) ? null : beforeKey,
            mailbox.getKind() == MailboxKind.SHARED,
            script != null);
    if (move.provisioned()) {
      // queued after liveOn: bound to the new server
      if (move.shared()) {
        outbox.queue(mailbox, ChangeKind.CREATE_SHARED_MAILBOX, null, helpdesk, now);
      }
      if (move.script()) {
        outbox.queue(mailbox, ChangeKind.PUT_SIEVE, script.getScript(), helpdesk, now);
      }
    }
    audit.record(
        now,
        helpdesk,
        AuditAction.MAILBOX_SERVER_SET,
        AuditSubject.MAILBOX,
        mailbox.getId(),
        server.getName()
            + (move.provisioned()
                ? " (provisioned there; left on "
                    + move.from()
                    + ": mail, folders"
                    + (move.script() ? ", Sieve script" : "")
                    + (move.shared() ? ", access list" : "")
                    + ")"
                : ""));
    return move;
  }

  /**
   * A mailbox placed on a server. {@code leftOnKey}: the provisioning key of the other Dovecot it
   * lived on, where its mail stays, null when the new server is the same Dovecot; {@code shared}: a
   * shared mailbox (its storage and grant were queued for the new server); {@code script}: it has a
   * Sieve script of Postroom's (queued for the new server).
   */
  public record Move(
      String address, String from, String to, String leftOnKey, boolean shared, boolean script)
      implements java.io.Serializable {

    /** Whether the new server is another Dovecot, which Postroom provisions now. */
    public boolean provisioned() {
      return leftOnKey != null;
    }
  }

  /** Where a mailbox lives and where it could. */
  public record Placement(String address, String current, List<String> servers)
      implements java.io.Serializable {

    public Placement {
      servers = List.copyOf(servers);
    }
  }

  private Mailbox liveMailbox(String address) {
    return mailboxes.live(address).orElse(null);
  }

  private List<String> serverNames(MailDomain domain) {
    return em.createQuery(
            "select s.name from MailServer s where s.domain = :d order by s.position", String.class)
        .setParameter("d", domain)
        .getResultList();
  }
}
