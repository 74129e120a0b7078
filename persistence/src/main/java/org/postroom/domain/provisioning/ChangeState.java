package org.postroom.domain.provisioning;

/**
 * Where a provisioning change stands: {@code PENDING} until the mail server has it ({@code
 * APPLIED}); {@code FAILED} once its retry budget is spent, until the helpdesk retries it (back to
 * {@code PENDING}) or abandons it ({@code ABANDONED}).
 */
public enum ChangeState {
  PENDING,
  APPLIED,
  FAILED,
  ABANDONED;

  /** Not yet on the mail server, and holding back the later changes of its mailbox. */
  public boolean isOutstanding() {
    return this == PENDING || this == FAILED;
  }
}
