package org.postroom.domain.sharedmailbox;

/**
 * Where a request stands: {@code SUBMITTED → APPROVED → PROVISIONED}, or {@code REJECTED}, {@code
 * CANCELLED}; {@code FAILED} when provisioning could not complete.
 */
public enum RequestState {
  SUBMITTED,
  APPROVED,
  PROVISIONED,
  REJECTED,
  CANCELLED,
  FAILED;

  /** Open requests still hold their address and can be decided or cancelled. */
  public boolean isOpen() {
    return this == SUBMITTED;
  }
}
