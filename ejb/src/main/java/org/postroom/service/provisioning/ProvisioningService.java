package org.postroom.service.provisioning;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.MailServerContact;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.Paging;
import org.postroom.service.mailsystem.MailSystem;
import org.postroom.service.mailsystem.MailSystemStatus;
import org.postroom.service.mailsystem.MailSystems;

/**
 * The helpdesk's view of the outbox: what still waits for the mail server, and the changes that
 * failed for good, each of which the helpdesk retries (a fresh retry budget) or abandons (the
 * mailbox's later changes go ahead). When two helpdesk members decide the same change at once,
 * exactly one succeeds.
 */
@Stateless
@DeclareRoles({Roles.HELPDESK, Roles.ADMIN})
@RolesAllowed(Roles.HELPDESK)
public class ProvisioningService {

  static final AuditSubject SUBJECT = AuditSubject.PROVISIONING_CHANGE;
  static final int MAX_PAGE = 100;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject MailSystems mailSystems;
  @Inject MailSystem mailSystem;
  @Inject Event<ProvisioningQueued> queued;

  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public OutboxSummary summary() {
    Object[] pending =
        em.createQuery(
                "select count(c), min(c.createdAt) from ProvisioningChange c where c.state = :s",
                Object[].class)
            .setParameter("s", ChangeState.PENDING)
            .getSingleResult();
    return new OutboxSummary(
        mailSystems.configured() ? MailSystemStatus.CONFIGURED : MailSystemStatus.NOT_CONFIGURED,
        (Long) pending[0],
        (Instant) pending[1],
        count(ChangeState.FAILED));
  }

  /**
   * Asks the mail server whether it answers now (a ManageSieve greeting, at most 3 s): on request,
   * never while a page renders.
   */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public MailSystemStatus checkConnection() {
    return mailSystem.status();
  }

  /**
   * Each mail server the outbox knows (by provisioning key: those the servers' rows name, those
   * with changes outstanding, those it ever reached or missed), with its outstanding changes and
   * whether the outbox reaches it: where mailboxes live on several servers, which one holds its
   * changes back.
   */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public List<ServerOutbox> servers() {
    Map<String, long[]> counts = new TreeMap<>();
    counts.put(ProvisioningChange.DEFAULT_SERVER, new long[2]);
    for (String key :
        em.createQuery("select distinct s.provisioning from MailServer s", String.class)
            .getResultList()) {
      counts.computeIfAbsent(
          key == null ? ProvisioningChange.DEFAULT_SERVER : key, k -> new long[2]);
    }
    for (Object[] row :
        em.createQuery(
                "select c.serverKey, c.state, count(c) from ProvisioningChange c"
                    + " where c.state in :outstanding group by c.serverKey, c.state",
                Object[].class)
            .setParameter("outstanding", List.of(ChangeState.PENDING, ChangeState.FAILED))
            .getResultList()) {
      counts
              .computeIfAbsent((String) row[0], k -> new long[2])[
              row[1] == ChangeState.PENDING ? 0 : 1] =
          (Long) row[2];
    }
    Map<String, MailServerContact> contacts = new HashMap<>();
    for (MailServerContact contact :
        em.createQuery("select c from MailServerContact c", MailServerContact.class)
            .getResultList()) {
      contacts.put(contact.getServerName(), contact);
      counts.computeIfAbsent(contact.getServerName(), k -> new long[2]);
    }
    List<ServerOutbox> servers = new ArrayList<>();
    counts.forEach(
        (key, count) -> {
          MailServerContact contact = contacts.get(key);
          servers.add(
              new ServerOutbox(
                  key,
                  count[0],
                  count[1],
                  contact == null ? null : contact.getUnreachableSince(),
                  contact == null ? null : contact.getReachedAt(),
                  contact == null ? null : contact.getLastError()));
        });
    return servers;
  }

  /** Changes in the given state, oldest first, a page at a time. */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public List<OutboxRow> changes(ChangeState state, int first, int pageSize) {
    return Paging.page(
        em.createQuery(
                "select new org.postroom.service.provisioning.OutboxRow(c.id, c.version,"
                    + " c.mailboxAddress, c.kind, c.createdAt, c.createdBy, c.attempts,"
                    + " c.nextAttemptAt, c.lastError, c.serverKey)"
                    + " from ProvisioningChange c where c.state = :s order by c.id",
                OutboxRow.class)
            .setParameter("s", state),
        first,
        pageSize,
        MAX_PAGE);
  }

  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public long count(ChangeState state) {
    return em.createQuery(
            "select count(c) from ProvisioningChange c where c.state = :s", Long.class)
        .setParameter("s", state)
        .getSingleResult();
  }

  /** Sends a failed change again, as the caller saw it. */
  public void retry(long changeId, long seenVersion) {
    String helpdesk = context.getCallerPrincipal().getName();
    ProvisioningChange change = asSeen(changeId, seenVersion);
    Instant now = Instant.now();
    change.retry(helpdesk, now);
    Flush.orFail(em, Violation.of(null, "provisioning.concurrentChange"));
    audit.record(now, helpdesk, AuditAction.RETRIED, SUBJECT, changeId, change.getMailboxAddress());
    queued.fire(new ProvisioningQueued(changeId));
  }

  /** Gives up on a failed change, as the caller saw it. */
  public void abandon(long changeId, long seenVersion) {
    String helpdesk = context.getCallerPrincipal().getName();
    ProvisioningChange change = asSeen(changeId, seenVersion);
    Instant now = Instant.now();
    change.abandon(helpdesk);
    Flush.orFail(em, Violation.of(null, "provisioning.concurrentChange"));
    audit.record(
        now,
        helpdesk,
        AuditAction.ABANDONED,
        SUBJECT,
        changeId,
        change.getKind() + " " + change.getMailboxAddress());
  }

  private ProvisioningChange asSeen(long changeId, long seenVersion) {
    ProvisioningChange change = em.find(ProvisioningChange.class, changeId);
    if (change == null) {
      throw new NotFoundException("provisioning.notFound");
    }
    if (change.getVersion() != seenVersion) {
      throw new ConflictException("provisioning.concurrentChange");
    }
    return change;
  }
}
