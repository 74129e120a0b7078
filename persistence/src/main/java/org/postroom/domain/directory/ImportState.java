package org.postroom.domain.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a registry import stands. */
public enum ImportState {
  /** Waiting for its batch job to start. */
  QUEUED,
  RUNNING,
  /** Paused by an administrator; resumes where it stopped. */
  STOPPED,
  /** Its job failed; resumes where it stopped. */
  FAILED,
  COMPLETED,
  /** Given up by an administrator; what it applied stays applied. */
  ABANDONED;

  /** The states of an import whose job runs or is about to. */
  public static final Set<ImportState> ACTIVE =
      Collections.unmodifiableSet(EnumSet.of(QUEUED, RUNNING));

  public boolean isActive() {
    return ACTIVE.contains(this);
  }

  public boolean isResumable() {
    return this == STOPPED || this == FAILED;
  }
}
