package org.postroom.service.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.postroom.domain.domain.MailboxPolicy;
import org.postroom.domain.domain.SettingsManager;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.common.Mailboxes;
import org.postroom.service.forwarding.ForwardSetting;
import org.postroom.service.vacation.VacationForm;

/** A mailbox as its settings page shows it, for its owner or its domain's administrator. */
@ApplicationScoped
public class MailboxOverviews {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public MailboxOverview of(Mailbox mailbox) {
    MailboxPolicy policy = mailbox.getDomain().getMailboxPolicy();
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    return new MailboxOverview(
        mailbox.getAddress(),
        mailbox.getOwner() == null ? null : mailbox.getOwner().getDisplayName(),
        Mailboxes.aliasesOf(em, mailbox),
        mailbox.getQuotaBytes(),
        mailbox.getQuotaUsedBytes(),
        mailbox.getQuotaReadAt(),
        policy.getQuotaWarningPercent(),
        policy.getForwardPolicy(),
        mailbox.isForwardAllowed(),
        policy.getSettingsManagedBy() == SettingsManager.DOMAIN_ADMIN,
        new ForwardSetting(
            mailbox.getAddress(), mailbox.getForwardTargets(), mailbox.isForwardKeepCopy()),
        reply == null
            ? null
            : new VacationForm(
                reply.getSubject(),
                reply.getBody(),
                reply.getStartsOn(),
                reply.getEndsOn(),
                reply.getIntervalDays()),
        mailbox.getTrashKeepsDeleted(),
        policy.isTrashKeepsDeleted(),
        count(mailbox, false),
        count(mailbox, true));
  }

  private long count(Mailbox mailbox, boolean onlyOn) {
    return em.createQuery(
            "select count(r) from FilterRule r where r.mailbox = :m"
                + (onlyOn ? " and r.enabled = true" : ""),
            Long.class)
        .setParameter("m", mailbox)
        .getSingleResult();
  }
}
