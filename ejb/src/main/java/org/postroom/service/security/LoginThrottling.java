package org.postroom.service.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.account.LoginThrottle;

/**
 * Failed logins counted in the database, per account and per source address, so that the limits
 * hold on every node of a cluster. Each count is its own transaction: a failure is recorded even
 * though the login it belongs to changes nothing else.
 */
@Stateless
@PermitAll
public class LoginThrottling {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** Until when logins of this account or from this address are refused, if they are. */
  public Optional<Instant> blockedUntil(String username, String address) {
    Instant now = Instant.now();
    return em.createQuery("select t from LoginThrottle t where t.key in :keys", LoginThrottle.class)
        .setParameter("keys", keys(username, address))
        .getResultStream()
        .filter(t -> t.blockedAt(now))
        .map(LoginThrottle::getBlockedUntil)
        .max(Instant::compareTo);
  }

  /** Counts a failed login against the account and the address. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(String username, String address) {
    Instant now = Instant.now();
    for (String key : keys(username, address)) {
      LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (throttle == null) {
        throttle = new LoginThrottle(key, now);
        em.persist(throttle);
      }
      throttle.failed(
          now, key.startsWith("account:") ? LoginThrottle.ACCOUNT_MAX : LoginThrottle.ADDRESS_MAX);
    }
    em.flush();
  }

  /** A successful login forgives the account's earlier failures (not the address's). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void succeeded(String username) {
    em.createQuery("delete from LoginThrottle t where t.key = :key and t.blockedUntil is null")
        .setParameter("key", LoginThrottle.forAccount(username))
        .executeUpdate();
  }

  /** Forgets windows and blocks long past, every hour on every node (the delete is idempotent). */
  @Schedule(hour = "*", minute = "17", persistent = false)
  public void forgetOldFailures() {
    Instant old = Instant.now().minus(LoginThrottle.WINDOW.multipliedBy(2));
    em.createQuery(
            "delete from LoginThrottle t where t.windowStart < :old"
                + " and (t.blockedUntil is null or t.blockedUntil < :old)")
        .setParameter("old", old)
        .executeUpdate();
  }

  private static List<String> keys(String username, String address) {
    List<String> keys = new ArrayList<>(2);
    keys.add(LoginThrottle.forAccount(username));
    if (address != null && !address.isBlank()) {
      keys.add(LoginThrottle.forAddress(address));
    }
    return keys;
  }
}
