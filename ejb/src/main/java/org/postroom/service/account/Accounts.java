package org.postroom.service.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.common.RuleViolationException;

/** Looking accounts up, for the services that need the caller or the members of something. */
@ApplicationScoped
public class Accounts {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public Optional<Account> byUsername(String username) {
    return em.createQuery("select a from Account a where a.username = :username", Account.class)
        .setParameter("username", Account.normalizeUsername(username))
        .getResultStream()
        .findFirst();
  }

  /**
   * The accounts of the registry person with this id (case as the registry wrote it), the personal
   * one before an alumni account.
   */
  public List<Account> byRegistryId(String registryId) {
    return em.createQuery(
            "select a from Account a where a.person.registryId = :id"
                + " order by case when a.type = :alumnus then 1 else 0 end, a.id",
            Account.class)
        .setParameter("id", registryId)
        .setParameter("alumnus", AccountType.ALUMNI)
        .getResultList();
  }

  /** The account of the caller (the principal a service was called with). */
  public Account of(Principal caller) {
    return byUsername(caller.getName())
        .orElseThrow(() -> RuleViolationException.of("account.unknown"));
  }

  /** The accounts with these usernames, in no particular order; unknown names are simply absent. */
  public List<Account> byUsernames(Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select a from Account a where a.username in :usernames", Account.class)
        .setParameter("usernames", usernames.stream().map(Account::normalizeUsername).toList())
        .getResultList();
  }
}
