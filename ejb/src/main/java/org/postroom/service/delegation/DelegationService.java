package org.postroom.service.delegation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.PagedSearch;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.mailbox.MailboxOverviews;

/**
 * What a domain administrator sees of their domain's mailboxes: a list paged in the database, and
 * one mailbox's settings. Changes go through the forwarding and vacation services.
 */
@Stateless
@DeclareRoles({Roles.DOMAIN_ADMIN})
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DelegationService {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject DelegatedMailboxes delegated;
  @Inject MailboxOverviews overviews;

  public static final int MAX_PAGE_SIZE = 100;

  private static final String FROM =
      " from Mailbox m left join m.owner o where m.domain in :d and m.kind in :kinds"
          + " and m.deletionQueuedAt is null and (m.address like :text escape '\\'"
          + " or lower(o.displayName) like :text escape '\\')";

  /** The domains the caller administers, by name and comma-separated; null for none. */
  public String domain() {
    List<String> names =
        caller().getAdministeredDomains().stream().map(MailDomain::getName).sorted().toList();
    return names.isEmpty() ? null : String.join(", ", names);
  }

  public List<DelegatedRow> mailboxes(String text, int first, int pageSize) {
    Account admin = caller();
    if (admin.getAdministeredDomains().isEmpty()) {
      return List.of();
    }
    return search(admin, text)
        .page(
            "select new org.postroom.service.delegation.DelegatedRow(m.address,"
                + " o.displayName, size(m.forwardTargets) > 0,"
                + " (select count(v) from VacationReply v where v.mailboxId = m.id) > 0)",
            DelegatedRow.class,
            " order by m.address",
            first,
            pageSize,
            MAX_PAGE_SIZE);
  }

  public long count(String text) {
    Account admin = caller();
    if (admin.getAdministeredDomains().isEmpty()) {
      return 0;
    }
    return search(admin, text).count("m");
  }

  public MailboxOverview overview(String address) {
    return overviews.of(delegated.find(caller(), address));
  }

  private PagedSearch search(Account admin, String text) {
    return new PagedSearch(
        em,
        FROM,
        query ->
            query
                .setParameter("d", admin.getAdministeredDomains())
                .setParameter("kinds", List.of(MailboxKind.PERSONAL, MailboxKind.ALUMNI))
                .setParameter(
                    "text", text == null || text.isBlank() ? "%" : LikePattern.contains(text)));
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
