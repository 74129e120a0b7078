package org.postroom.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session ends twelve hours after its sign-in, however active it was. */
class SessionLifetimeTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");

  @Test
  void aSessionLastsTwelveHoursFromItsSignIn() {
    assertFalse(PortalAuthenticationMechanism.outlived(SIGNED_IN, SIGNED_IN));
    assertFalse(
        PortalAuthenticationMechanism.outlived(
            SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12)).minusSeconds(1)));
    assertTrue(
        PortalAuthenticationMechanism.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12))));
    assertTrue(
        PortalAuthenticationMechanism.outlived(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(3))));
  }

  @Test
  void aSessionThatNeverSaidWhenItStartedHasEnded() {
    assertTrue(PortalAuthenticationMechanism.outlived(null, SIGNED_IN));
    assertTrue(PortalAuthenticationMechanism.outlived("yesterday", SIGNED_IN));
  }
}
