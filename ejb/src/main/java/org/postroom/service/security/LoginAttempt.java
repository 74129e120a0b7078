package org.postroom.service.security;

import java.time.Instant;
import java.util.Set;

/**
 * How a login with a password went: the roles when it succeeded; when it was refused because of too
 * many failures, until when.
 */
public record LoginAttempt(Set<String> roles, Instant throttledUntil) {

  static LoginAttempt succeeded(Set<String> roles) {
    return new LoginAttempt(Set.copyOf(roles), null);
  }

  static LoginAttempt failed() {
    return new LoginAttempt(null, null);
  }

  static LoginAttempt throttled(Instant until) {
    return new LoginAttempt(null, until);
  }

  public boolean isThrottled() {
    return throttledUntil != null;
  }
}
