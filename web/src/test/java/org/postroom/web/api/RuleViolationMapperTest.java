package org.postroom.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.FeatureFrozenException;

class RuleViolationMapperTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aFrozenFeatureIsAskedAgainAtItsPlannedEndOrInTenMinutes() {
    assertEquals(
        3601,
        RuleViolationMapper.retryAfterSeconds(
            new FeatureFrozenException(Feature.REGISTRY_IMPORT, "", "r", NOW.plusSeconds(3600)),
            NOW));
    // an end just passed (the freeze lapses meanwhile): ask again at once, never with 0 or less
    assertEquals(
        1,
        RuleViolationMapper.retryAfterSeconds(
            new FeatureFrozenException(Feature.REGISTRY_IMPORT, "", "r", NOW.minusSeconds(5)),
            NOW));
    assertEquals(
        RuleViolationMapper.RETRY_OPEN_FREEZE,
        RuleViolationMapper.retryAfterSeconds(
            new FeatureFrozenException(Feature.REGISTRY_IMPORT, "", "r", null), NOW));
  }
}
