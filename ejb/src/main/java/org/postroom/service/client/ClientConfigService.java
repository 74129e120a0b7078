package org.postroom.service.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.domain.MailDomain;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Mailboxes;

/**
 * The mail-client settings of the domains: what their servers tell mail programs (set by the
 * administrators), answered to anyone for an address of a served domain (autoconfiguration) and to
 * a person for their own mailbox (the setup page). An answer for an address never says whether a
 * mailbox of that address exists: an unknown address gets its domain's first server, as a mailbox
 * on it does.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK, Roles.ADMIN})
public class ClientConfigService {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject AuditLog audit;

  /**
   * The settings for an address, empty when Postroom serves no such domain or the domain has no
   * server described; {@link IllegalArgumentException} for what is no mail address.
   */
  @PermitAll
  public Optional<ClientSetup> forAddress(String rawAddress) {
    String address = MailAddresses.normalize(rawAddress);
    if (!MailAddresses.isWellFormed(address)) {
      throw new IllegalArgumentException("not a mail address");
    }
    Mailbox mailbox = liveMailbox(address);
    if (mailbox != null && mailbox.getMailServer() != null) {
      return Optional.of(ClientSetup.of(mailbox.getMailServer()));
    }
    return firstServer(MailAddresses.domainOf(address)).map(ClientSetup::of);
  }

  /** The caller's own mailbox: its address, the login they type, its server's settings. */
  @RolesAllowed(Roles.USER)
  public Optional<MySetup> mine() {
    Account owner = accounts.of(context.getCallerPrincipal());
    return ownMailboxes
        .of(owner)
        .flatMap(
            mailbox ->
                serverOf(mailbox)
                    .map(
                        server ->
                            new MySetup(
                                mailbox.getAddress(),
                                server.getLoginFormat() == LoginFormat.USERNAME
                                    ? owner.getUsername()
                                    : mailbox.getAddress(),
                                sharedOf(owner),
                                ClientSetup.of(server))));
  }

  private List<String> sharedOf(Account member) {
    return em.createQuery(
            "select m.address from Mailbox m join m.members a where a = :a"
                + " and m.deletionQueuedAt is null order by m.address",
            String.class)
        .setParameter("a", member)
        .getResultList();
  }

  /** A domain's servers in order; what the administrator's page edits. */
  @RolesAllowed(Roles.ADMIN)
  public List<ClientSetup> servers(String domainName) {
    return em.createQuery(
            "select s from MailServer s where s.domain.name = :d order by s.position",
            MailServer.class)
        .setParameter("d", domainName)
        .getResultStream()
        .map(ClientSetup::of)
        .toList();
  }

  /**
   * Describes the domain's server at {@code position} (0 is the first), adding it when it is the
   * next one; audited.
   */
  @RolesAllowed(Roles.ADMIN)
  public void describe(
      String domainName,
      int position,
      String name,
      LoginFormat loginFormat,
      String webmailUrl,
      List<ClientEndpoint> endpoints) {
    MailDomain domain =
        em.createQuery("select d from MailDomain d where d.name = :n", MailDomain.class)
            .setParameter("n", domainName)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> RuleViolationException.of("client.domainNotFound", domainName));
    List<MailServer> servers =
        em.createQuery(
                "select s from MailServer s where s.domain = :d order by s.position",
                MailServer.class)
            .setParameter("d", domain)
            .getResultList();
    if (position < 0 || position > servers.size()) {
      throw RuleViolationException.of("client.position.invalid");
    }
    MailServer server =
        position < servers.size() ? servers.get(position) : new MailServer(domain, position);
    server.describe(name, loginFormat, webmailUrl, endpoints);
    if (server.getId() == null) {
      em.persist(server);
    }
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        "CLIENT_SETTINGS_SET",
        "Domain",
        domain.getId(),
        name + ": " + endpoints.size() + " endpoints");
  }

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
            new Placement(address, serverOf(mailbox).map(MailServer::getName).orElse(null), names));
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
      throw RuleViolationException.of("client.mailboxNotFound", String.valueOf(address));
    }
    em.lock(mailbox, LockModeType.PESSIMISTIC_WRITE);
    MailServer server =
        em.createQuery(
                "select s from MailServer s where s.domain = :d and s.name = :n", MailServer.class)
            .setParameter("d", mailbox.getDomain())
            .setParameter("n", serverName)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    RuleViolationException.of("client.serverNotFound", String.valueOf(serverName)));
    mailbox.liveOn(server);
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        "MAILBOX_SERVER_SET",
        "Mailbox",
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
    return Mailboxes.live(em, address).orElse(null);
  }

  private List<String> serverNames(MailDomain domain) {
    return em.createQuery(
            "select s.name from MailServer s where s.domain = :d order by s.position", String.class)
        .setParameter("d", domain)
        .getResultList();
  }

  private Optional<MailServer> serverOf(Mailbox mailbox) {
    return mailbox.getMailServer() != null
        ? Optional.of(mailbox.getMailServer())
        : firstServer(mailbox.getDomain().getName());
  }

  private Optional<MailServer> firstServer(String domainName) {
    return em.createQuery(
            "select s from MailServer s where s.domain.name = :d order by s.position",
            MailServer.class)
        .setParameter("d", domainName)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * A person's own mail-client settings.
   *
   * @param login what they type as login in their mail program
   * @param sharedMailboxes the shared mailboxes they are a member of (folders
   *     shared/&lt;address&gt;)
   */
  public record MySetup(
      String address, String login, List<String> sharedMailboxes, ClientSetup setup)
      implements java.io.Serializable {

    public MySetup {
      sharedMailboxes = List.copyOf(sharedMailboxes);
    }
  }
}
