package org.postroom.service.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.account.Roles;
import org.postroom.service.common.LikePattern;

/**
 * Use cases on accounts that other features need; the account lifecycle itself comes with the
 * directory.
 */
@Stateless
public class AccountService {

  public static final int SUGGESTIONS_MAX = 10;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /**
   * Accounts whose username or name starts with (or whose name contains) the query, for choosing
   * members. Staff and helpdesk only: they need it to name colleagues; at most {@value
   * #SUGGESTIONS_MAX} answers.
   */
  @RolesAllowed({Roles.STAFF, Roles.HELPDESK})
  public List<AccountSuggestion> suggest(String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    if (q.length() < 2) {
      return List.of();
    }
    return em.createQuery(
            "select new org.postroom.service.account.AccountSuggestion(a.username, a.displayName, a.type)"
                + " from Account a where a.enabled = true and (a.username like :prefix escape '\\'"
                + " or lower(a.displayName) like :contains escape '\\') order by a.username",
            AccountSuggestion.class)
        .setParameter("prefix", LikePattern.prefix(q))
        .setParameter("contains", LikePattern.contains(q))
        .setMaxResults(SUGGESTIONS_MAX)
        .getResultList();
  }
}
