package org.postroom.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordAttemptsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void fiveWrongPasswordsInARowBlockChangingForAQuarterOfAnHour() {
    Account account =
        new Account(
            "ann", "Ann", "ann@home.example", AccountType.ALUMNI, "en", Set.of(Roles.USER), NOW);
    for (int i = 1; i < Account.PASSWORD_FAILURES_MAX; i++) {
      assertNull(account.passwordRefused(NOW));
      assertFalse(account.passwordBlocked(NOW));
    }
    assertEquals(NOW.plus(Account.PASSWORD_BLOCK), account.passwordRefused(NOW));
    assertTrue(account.passwordBlocked(NOW.plusSeconds(899)));
    assertFalse(account.passwordBlocked(NOW.plusSeconds(900)));
    account.changePasswordHash("hash");
    assertFalse(account.passwordBlocked(NOW), "a new password clears the count");
  }
}
