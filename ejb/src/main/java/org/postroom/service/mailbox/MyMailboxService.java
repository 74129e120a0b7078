package org.postroom.service.mailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postroom.domain.account.Roles;
import org.postroom.domain.domain.MailboxPolicy;
import org.postroom.domain.domain.SettingsManager;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.forwarding.ForwardSetting;
import org.postroom.service.vacation.VacationForm;

/** The caller's own mailbox for its page; empty when they have none (yet). */
@Stateless
@DeclareRoles({Roles.USER})
@RolesAllowed(Roles.USER)
public class MyMailboxService {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;

  public Optional<MailboxOverview> overview() {
    return ownMailboxes.of(accounts.of(context.getCallerPrincipal())).map(this::overviewOf);
  }

  private MailboxOverview overviewOf(Mailbox mailbox) {
    MailboxPolicy policy = mailbox.getDomain().getMailboxPolicy();
    VacationReply reply = em.find(VacationReply.class, mailbox.getId());
    return new MailboxOverview(
        mailbox.getAddress(),
        em.createQuery(
                "select a.address from MailboxAlias a where a.mailbox = :m order by a.address",
                String.class)
            .setParameter("m", mailbox)
            .getResultList(),
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
                reply.getIntervalDays()));
  }
}
