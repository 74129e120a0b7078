package org.postroom.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.postroom.domain.account.Account;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

/**
 * The current password, asked before a change that someone at an unattended browser must not make
 * (a new password, an alumni address with its recovery address). Five wrong ones in a row block
 * these changes for 15 minutes; each wrong one is counted in a transaction of its own, so that the
 * refused change's rollback does not undo the count.
 */
@ApplicationScoped
public class CurrentPassword {

  @Inject PasswordHasher hasher;
  @Inject PasswordAttempts attempts;

  /**
   * Refused, at the form's field {@code field}, unless {@code current} is the account's password.
   */
  public void confirm(Account account, String current, String field, Instant now) {
    if (account.passwordBlocked(now)) {
      throw blocked(field, account.getPasswordBlockedUntil(), now);
    }
    if (current == null || current.isEmpty()) {
      // not typed: nothing to count
      throw new RuleViolationException(Violation.of(field, "password.change.wrongCurrent"));
    }
    if (!hasher.verify(current, account.getPasswordHash())) {
      Instant blockedUntil = attempts.refused(account.getId(), now);
      if (blockedUntil != null && blockedUntil.isAfter(now)) {
        throw blocked(field, blockedUntil, now);
      }
      throw new RuleViolationException(Violation.of(field, "password.change.wrongCurrent"));
    }
  }

  private static RuleViolationException blocked(String field, Instant until, Instant now) {
    long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    return new RuleViolationException(Violation.of(field, "password.change.blocked", minutes));
  }
}
