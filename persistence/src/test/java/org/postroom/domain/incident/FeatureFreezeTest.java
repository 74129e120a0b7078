package org.postroom.domain.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

class FeatureFreezeTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aFreezeNeedsAFeatureAReasonAndAFutureEnd() {
    List<String> keys =
        FeatureFreeze.check(null, "  \n ", NOW.minusSeconds(1), NOW).stream()
            .map(Violation::key)
            .toList();
    assertEquals(
        List.of("freeze.features.required", "freeze.reason.required", "freeze.endsAt.past"), keys);
    assertEquals(
        List.of("freeze.reason.invalid"),
        FeatureFreeze.check(Feature.VACATION, "x".repeat(1001), null, NOW).stream()
            .map(Violation::key)
            .toList());
    assertEquals(
        List.of("freeze.reason.invalid"),
        FeatureFreeze.check(Feature.VACATION, "restore\u0000", null, NOW).stream()
            .map(Violation::key)
            .toList());
    assertTrue(FeatureFreeze.check(Feature.VACATION, "line one\r\nline two", null, NOW).isEmpty());
  }

  @Test
  void itRunsUntilItsEndOrUntilLiftedAndIsLiftedOnce() {
    FeatureFreeze until =
        new FeatureFreeze(null, Feature.FORWARDING, " restore ", NOW.plusSeconds(60), "admin", NOW);
    assertEquals("restore", until.getReason());
    assertTrue(until.activeAt(NOW.plusSeconds(59)));
    assertFalse(until.activeAt(NOW.plusSeconds(60)));
    assertThrows(RuleViolationException.class, () -> until.lift("admin", NOW.plusSeconds(61)));

    FeatureFreeze open = new FeatureFreeze(null, Feature.QUOTA, "restore", null, "admin", NOW);
    assertTrue(open.activeAt(NOW.plus(Duration.ofDays(400))));
    open.lift("helga", NOW.plusSeconds(5));
    assertFalse(open.activeAt(NOW.plusSeconds(5)));
    assertEquals("helga", open.getLiftedBy());
    RuleViolationException twice =
        assertThrows(RuleViolationException.class, () -> open.lift("admin", NOW.plusSeconds(6)));
    assertTrue(twice.hasKey("freeze.alreadyLifted"));
  }

  @Test
  void aRefusalNamesTheFeatureAndCarriesTheReasonAndTheEnd() {
    FeatureFrozenException refused =
        new FeatureFrozenException(Feature.FILTERS, "univ-c.de", "restore", NOW);
    assertTrue(refused.hasKey("freeze.refused.FILTERS"));
    assertEquals(List.of("univ-c.de", "restore"), refused.violations().get(0).args());
    assertEquals(NOW, refused.endsAt().orElseThrow());
  }
}
