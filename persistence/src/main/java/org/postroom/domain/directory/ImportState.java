package org.postroom.domain.directory;

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

  public boolean isActive() {
    return this == QUEUED || this == RUNNING;
  }

  public boolean isResumable() {
    return this == STOPPED || this == FAILED;
  }
}
