package org.postroom.service.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.postroom.domain.account.Account;

/**
 * Counts a wrong current password in a transaction of its own: the change that was refused rolls
 * back, the count must not.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PasswordAttempts {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** Answers until when changing is blocked, or null. */
  public Instant refused(long accountId, Instant now) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    return account.passwordRefused(now);
  }
}
