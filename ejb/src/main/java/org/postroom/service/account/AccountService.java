package org.postroom.service.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.NameSearch;

/**
 * Use cases on accounts that other features need; the account lifecycle itself comes with the
 * directory.
 */
@Stateless
public class AccountService {

  public static final int SUGGESTIONS_MAX = 10;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;

  /**
   * Accounts of the caller's own institution (see {@link Account#homeDomainName}) whose username
   * starts with (or whose name contains) the query, for choosing members: staff need it to name
   * colleagues, and a shared mailbox's members belong to its institution. At most {@value
   * #SUGGESTIONS_MAX} answers.
   */
  @RolesAllowed({Roles.STAFF, Roles.HELPDESK})
  public List<AccountSuggestion> suggest(String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    String home = accounts.of(context.getCallerPrincipal()).homeDomainName();
    if (q.length() < 2 || home == null) {
      return List.of();
    }
    TypedQuery<AccountSuggestion> typed =
        em.createQuery(
                "select new org.postroom.service.account.AccountSuggestion(a.username, a.displayName, a.type)"
                    + " from Account a left join a.domain d where a.enabled = true"
                    + " and (d.name = :home or (d is null and lower(a.contactAddress) like :atHome"
                    + " escape '\\')) and (a.username like :prefix escape '\\' or "
                    + NameSearch.matches("a.searchName")
                    + ") order by a.username",
                AccountSuggestion.class)
            .setParameter("home", home)
            .setParameter("atHome", LikePattern.suffix("@" + home))
            .setParameter("prefix", LikePattern.prefix(q))
            .setMaxResults(SUGGESTIONS_MAX);
    NameSearch.bind(typed, q);
    return typed.getResultList();
  }

  /** The caller's language, for the pages when they have not chosen one in this session. */
  @RolesAllowed(Roles.USER)
  public String myLanguage() {
    return accounts.of(context.getCallerPrincipal()).getLanguage();
  }
}
