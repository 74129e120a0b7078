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
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.mailbox.Mailboxes;

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
   * are told that server (moving the mail itself between servers is the operators'); audited.
   */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public void place(String address, String serverName) {
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
    mailbox.liveOn(server);
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        AuditAction.MAILBOX_SERVER_SET,
        AuditSubject.MAILBOX,
        mailbox.getId(),
        server.getName());
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
