package org.postroom.service.quota;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Sizes;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;

/**
 * The helpdesk and administrators change a mailbox's quota (audited). The mail server reads it from
 * the portal's userdb view at the next login or delivery, so nothing is sent to it; the next quota
 * scan and its warnings follow the new limit.
 */
@Stateless
@DeclareRoles({Roles.HELPDESK, Roles.ADMIN})
@RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
public class QuotaService {

  static final AuditSubject SUBJECT = AuditSubject.MAILBOX;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject Freezes freezes;

  public void change(String address, Long quotaMb) {
    if (quotaMb == null) {
      throw RuleViolationException.of("quota.required");
    }
    Mailbox mailbox = mailboxes.lockedLive(address, "quota.mailboxNotFound");
    freezes.refuse(Feature.QUOTA, mailbox.getDomain());
    long before = mailbox.getQuotaBytes();
    mailbox.changeQuota(Math.multiplyExact(quotaMb, MailboxPolicy.MB));
    if (before != mailbox.getQuotaBytes()) {
      audit.record(
          Instant.now(),
          context.getCallerPrincipal().getName(),
          AuditAction.QUOTA_CHANGED,
          SUBJECT,
          mailbox.getId(),
          mailbox.getAddress()
              + ": "
              + Sizes.format(before, Locale.ENGLISH)
              + " → "
              + Sizes.format(mailbox.getQuotaBytes(), Locale.ENGLISH));
    }
  }
}
