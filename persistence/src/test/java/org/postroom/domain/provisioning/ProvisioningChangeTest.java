package org.postroom.domain.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.RuleViolationException;

class ProvisioningChangeTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static ProvisioningChange change() {
    return new ProvisioningChange(
        42L, "team@univ-b.be", ChangeKind.CREATE_SHARED_MAILBOX, null, "hanna", NOW);
  }

  @Test
  void aRefusedChangeBacksOffExponentiallyAndWaitsForTheHelpdeskAfterItsBudget() {
    ProvisioningChange change = change();
    assertEquals(NOW, change.getNextAttemptAt());
    Instant at = NOW;
    Duration expected = Duration.ofSeconds(10);
    for (int attempt = 1; attempt < ProvisioningChange.ATTEMPTS; attempt++) {
      change.refused("NO (QUOTA) too many scripts", at);
      assertEquals(ChangeState.PENDING, change.getState());
      assertEquals(at.plus(expected), change.getNextAttemptAt(), "after attempt " + attempt);
      at = change.getNextAttemptAt();
      expected = expected.multipliedBy(2);
    }
    change.refused("NO (QUOTA) too many scripts", at);
    assertEquals(ChangeState.FAILED, change.getState());
    assertEquals(ProvisioningChange.ATTEMPTS, change.getAttempts());
    assertEquals("NO (QUOTA) too many scripts", change.getLastError());
    // a failed change is not applied behind the helpdesk's back
    assertThrows(RuleViolationException.class, () -> change.applied(NOW));
  }

  @Test
  void theBackoffNeverExceedsAnHour() {
    assertEquals(Duration.ofSeconds(10), ProvisioningChange.backoff(1));
    assertEquals(Duration.ofSeconds(640), ProvisioningChange.backoff(7));
    assertEquals(Duration.ofHours(1), ProvisioningChange.backoff(12));
    assertEquals(Duration.ofHours(1), ProvisioningChange.backoff(500));
  }

  @Test
  void theHelpdeskRetriesWithAFreshBudgetOrAbandons() {
    ProvisioningChange retried = change();
    for (int i = 0; i < ProvisioningChange.ATTEMPTS; i++) {
      retried.refused("refused", NOW);
    }
    Instant later = NOW.plusSeconds(3600);
    retried.retry("jonas", later);
    assertEquals(ChangeState.PENDING, retried.getState());
    assertEquals(0, retried.getAttempts());
    assertEquals(later, retried.getNextAttemptAt());
    retried.applied(later);
    assertEquals(ChangeState.APPLIED, retried.getState());
    assertNull(retried.getLastError());
    // twice is once too many: the second helpdesk member is told it is no longer failed
    assertThrows(RuleViolationException.class, () -> retried.retry("hanna", later));

    ProvisioningChange abandoned = change();
    assertThrows(RuleViolationException.class, () -> abandoned.abandon("hanna"));
    for (int i = 0; i < ProvisioningChange.ATTEMPTS; i++) {
      abandoned.refused("refused", NOW);
    }
    abandoned.abandon("hanna");
    assertEquals(ChangeState.ABANDONED, abandoned.getState());
    assertEquals("hanna", abandoned.getClosedBy());
  }

  @Test
  void aLongErrorIsCutToItsColumn() {
    ProvisioningChange change = change();
    change.refused("x".repeat(5000), NOW);
    assertEquals(2000, change.getLastError().length());
  }
}
