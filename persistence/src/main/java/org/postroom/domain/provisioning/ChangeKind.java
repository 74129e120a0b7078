package org.postroom.domain.provisioning;

/** What a provisioning change does on the mail server; each is idempotent there. */
public enum ChangeKind {
  /** Makes a shared mailbox's storage and grants its members' group access to it. */
  CREATE_SHARED_MAILBOX,
  /**
   * The mailbox's Postroom Sieve script changed (the row keeps the new text): the mail server gets
   * the script Postroom wants at the time it is applied, active.
   */
  PUT_SIEVE,
  /** The mailbox's Postroom Sieve script is no longer wanted: the mail server's copy goes. */
  DELETE_SIEVE,
  /** Removes the mailbox's mail and scripts (its deletion was queued). */
  DELETE_MAILBOX
}
