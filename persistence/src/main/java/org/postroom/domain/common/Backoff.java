package org.postroom.domain.common;

import java.time.Duration;

/** Exponential backoff: {@code first} after the first failure, doubling up to {@code max}. */
public record Backoff(Duration first, Duration max) {

  /** How long to wait after the given number of failed attempts (one or more). */
  public Duration after(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 20);
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
