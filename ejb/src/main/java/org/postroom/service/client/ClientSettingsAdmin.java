package org.postroom.service.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.mailsystem.DovecotSettings;
import org.postroom.service.mailsystem.MailSystems;

/**
 * The administrators' side of the mail-client settings: each domain's servers in order, as mail
 * programs are told them; every change audited under the domain.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ClientSettingsAdmin {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject MailDomains domains;
  @Inject AuditLog audit;
  @Inject MailSystems mailSystems;

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
   * next one, and names the settings Postroom provisions it through ({@code provisioning}: a key,
   * blank for the default ones; see {@link MailServer#provisionThrough}; changes already queued
   * stay with the server they were queued for); audited.
   */
  @RolesAllowed(Roles.ADMIN)
  public void describe(
      String domainName,
      int position,
      String name,
      LoginFormat loginFormat,
      boolean sharedLogin,
      String webmailUrl,
      List<ClientEndpoint> endpoints,
      String provisioning) {
    MailDomain domain = lockedDomain(domainName);
    List<MailServer> servers = serversOf(domain);
    if (position < 0 || position > servers.size()) {
      throw RuleViolationException.of("client.position.invalid");
    }
    MailServer server =
        position < servers.size() ? servers.get(position) : new MailServer(domain, position);
    // checked first: a refused key leaves the description unchanged as well
    server.provisionThrough(provisioning);
    server.describe(name, loginFormat, sharedLogin, webmailUrl, endpoints);
    if (server.getId() == null) {
      em.persist(server);
    }
    audit.record(
        Instant.now(),
        context.getCallerPrincipal().getName(),
        AuditAction.CLIENT_SETTINGS_SET,
        AuditSubject.MAIL_DOMAIN,
        domain.getId(),
        name
            + ": "
            + endpoints.size()
            + " endpoints"
            + (sharedLogin ? ", shared mailboxes by their address" : "")
            + ", provisioned through "
            + server.provisioningKey());
  }

  /** The provisioning key of each of the domain's servers, in order ({@code default}: none). */
  @RolesAllowed(Roles.ADMIN)
  public List<String> provisioningKeys(String domainName) {
    return em.createQuery(
            "select s from MailServer s where s.domain.name = :d order by s.position",
            MailServer.class)
        .setParameter("d", domainName)
        .getResultStream()
        .map(MailServer::provisioningKey)
        .toList();
  }

  /**
   * Where this node provisions the server of that key (hosts and ports, no credentials), or empty
   * with the prefix of the settings it lacks.
   */
  @RolesAllowed(Roles.ADMIN)
  public ProvisioningSettings provisioningSettings(String key) {
    DovecotSettings settings = mailSystems.settings(key);
    return new ProvisioningSettings(
        settings.key(),
        settings.environmentPrefix(),
        settings.configured() ? settings.describe() : null);
  }

  /** What the administrators' page says of a server's provisioning settings. */
  public record ProvisioningSettings(String key, String environmentPrefix, String found)
      implements java.io.Serializable {}

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
        AuditAction.CLIENT_SERVER_REMOVED,
        AuditSubject.MAIL_DOMAIN,
        domain.getId(),
        server.getName());
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
}
