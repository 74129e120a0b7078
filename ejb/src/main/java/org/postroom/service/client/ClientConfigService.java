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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Mailboxes;
import org.postroom.service.maildomain.MailDomains;

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
  @Inject MailDomains domains;
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
    Optional<Mailbox> mailbox = Mailboxes.live(em, address);
    return (mailbox.isPresent()
            ? serverOf(mailbox.get())
            : Mailboxes.firstServer(em, MailAddresses.domainOf(address)))
        .map(ClientSetup::of);
  }

  /**
   * The caller's own mailbox (its address, the login they type, its server's settings) and the
   * shared mailboxes they belong to; a member without a mailbox of their own in Postroom gets the
   * shared ones only (address, login and setup null). Empty when there is neither.
   */
  @RolesAllowed(Roles.USER)
  public Optional<MySetup> mine() {
    Account owner = accounts.of(context.getCallerPrincipal());
    List<SharedAccess> shared = sharedOf(owner);
    Optional<MySetup> own =
        ownMailboxes
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
                                    shared,
                                    ClientSetup.of(server))));
    if (own.isPresent() || shared.isEmpty()) {
      return own;
    }
    return Optional.of(new MySetup(null, null, shared, null));
  }

  private List<SharedAccess> sharedOf(Account member) {
    // the domain's first server once per domain, not once per shared mailbox
    Map<String, Optional<MailServer>> firstOfDomain = new HashMap<>();
    return em.createQuery(
            "select m from Mailbox m join m.members a where a = :a"
                + " and m.deletionQueuedAt is null order by m.address",
            Mailbox.class)
        .setParameter("a", member)
        .getResultStream()
        .map(
            shared -> {
              Optional<MailServer> server =
                  shared.getMailServer() != null
                      ? Optional.of(shared.getMailServer())
                      : firstOfDomain.computeIfAbsent(
                          shared.getDomain().getName(), d -> Mailboxes.firstServer(em, d));
              return new SharedAccess(
                  shared.getAddress(),
                  server.map(MailServer::isSharedLogin).orElse(false),
                  server.map(ClientSetup::of).orElse(null));
            })
        .toList();
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
      boolean sharedLogin,
      String webmailUrl,
      List<ClientEndpoint> endpoints) {
    MailDomain domain = lockedDomain(domainName);
    List<MailServer> servers = serversOf(domain);
    if (position < 0 || position > servers.size()) {
      throw RuleViolationException.of("client.position.invalid");
    }
    MailServer server =
        position < servers.size() ? servers.get(position) : new MailServer(domain, position);
    server.describe(name, loginFormat, sharedLogin, webmailUrl, endpoints);
    if (server.getId() == null) {
      em.persist(server);
    }
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        "CLIENT_SETTINGS_SET",
        AuditSubject.MAIL_DOMAIN,
        domain.getId(),
        name
            + ": "
            + endpoints.size()
            + " endpoints"
            + (sharedLogin ? ", shared mailboxes by their address" : ""));
  }

  /**
   * Removes the domain's server at {@code position}, named {@code name} as the administrator saw it
   * (else another change came first: {@code client.position.invalid}); the servers after it move
   * up. Refused while a mailbox is recorded to live on it (the helpdesk places them elsewhere
   * first); mailboxes that name no server then get the new first one. Audited.
   */
  @RolesAllowed(Roles.ADMIN)
  public void remove(String domainName, int position, String name) {
    MailDomain domain = lockedDomain(domainName);
    List<MailServer> servers = serversOf(domain);
    if (position < 0
        || position >= servers.size()
        || !servers.get(position).getName().equals(name)) {
      throw RuleViolationException.of("client.position.invalid");
    }
    MailServer server = servers.get(position);
    long living =
        em.createQuery(
                "select count(m) from Mailbox m where m.mailServer = :s and m.deletionQueuedAt is null",
                Long.class)
            .setParameter("s", server)
            .getSingleResult();
    if (living > 0) {
      throw RuleViolationException.of("client.server.inUse", server.getName(), living);
    }
    em.createQuery("update Mailbox m set m.mailServer = null where m.mailServer = :s")
        .setParameter("s", server)
        .executeUpdate();
    em.remove(server);
    em.flush();
    for (MailServer later : servers.subList(position + 1, servers.size())) {
      later.moveTo(later.getPosition() - 1);
    }
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        "CLIENT_SERVER_REMOVED",
        AuditSubject.MAIL_DOMAIN,
        domain.getId(),
        server.getName());
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
        "MAILBOX_SERVER_SET",
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

  private MailDomain lockedDomain(String domainName) {
    return domains
        .byNameLocked(domainName)
        .orElseThrow(() -> new NotFoundException("client.domainNotFound", domainName));
  }

  private List<MailServer> serversOf(MailDomain domain) {
    return em.createQuery(
            "select s from MailServer s where s.domain = :d order by s.position", MailServer.class)
        .setParameter("d", domain)
        .getResultList();
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
    return Mailboxes.serverOf(em, mailbox);
  }

  /**
   * A person's own mail-client settings.
   *
   * @param login what they type as login in their mail program
   * @param sharedMailboxes the shared mailboxes they are a member of
   */
  public record MySetup(
      String address, String login, List<SharedAccess> sharedMailboxes, ClientSetup setup)
      implements java.io.Serializable {

    public MySetup {
      sharedMailboxes = List.copyOf(sharedMailboxes);
    }
  }

  /**
   * How a member reaches a shared mailbox: always as the folder shared/&lt;address&gt; of their own
   * account, and, where its server lets them ({@code login}), also by logging in with its address
   * and their own password, at {@code setup}'s servers (null when its domain describes none).
   */
  public record SharedAccess(String address, boolean login, ClientSetup setup)
      implements java.io.Serializable {}
}
