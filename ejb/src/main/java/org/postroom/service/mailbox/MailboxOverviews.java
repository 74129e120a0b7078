package org.postroom.service.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.forwarding.ForwardSetting;
import org.postroom.service.vacation.VacationForm;

/** A mailbox as its settings page shows it, for its owner or its domain's administrator. */
@ApplicationScoped
public class MailboxOverviews {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;
  @Inject ScriptDeliveries deliveries;

  public MailboxOverview of(Mailbox mailbox) {
    MailboxPolicy policy = mailbox.getDomain().getMailboxPolicy();
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    long[] rules = filterRules(mailbox);
    return new MailboxOverview(
        mailbox.getAddress(),
        mailbox.getOwner() == null ? null : mailbox.getOwner().getDisplayName(),
        mailboxes.aliasesOf(mailbox),
        mailbox.getQuotaBytes(),
        mailbox.getQuotaUsedBytes(),
        mailbox.getQuotaReadAt(),
        policy.getQuotaWarningPercent(),
        policy.getForwardPolicy(),
        mailbox.isForwardAllowed(),
        policy.getSettingsManagedBy() == SettingsManager.DOMAIN_ADMIN,
        new ForwardSetting(
            mailbox.getAddress(), mailbox.getForwardTargets(), mailbox.isForwardKeepCopy()),
        VacationForm.of(reply),
        mailbox.getTrashKeepsDeleted(),
        policy.isTrashKeepsDeleted(),
        rules[0],
        rules[1],
        deliveries.latest(mailbox));
  }

  /** How many filter rules the mailbox has, and how many of them are on. */
  private long[] filterRules(Mailbox mailbox) {
    Object[] counts =
        em.createQuery(
                "select count(r), coalesce(sum(case when r.enabled = true then 1 else 0 end), 0)"
                    + " from FilterRule r where r.mailbox = :m",
                Object[].class)
            .setParameter("m", mailbox)
            .getSingleResult();
    return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
  }
}
