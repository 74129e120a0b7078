package org.postroom.domain.sharedmailbox;

/**
 * What a request asks for. All kinds share one queue, one workflow ({@link RequestState}), the same
 * four-eyes rule, mails and audit.
 */
public enum RequestKind {
  /** A new shared mailbox with its first members. */
  SHARED_MAILBOX,
  /** A new distribution list with owners, members, who may send and perhaps an end date. */
  DISTRIBUTION_LIST,
  /** People to add to or remove from an existing shared mailbox. */
  MEMBER_CHANGE,
  /** A later last day for an existing distribution list, asked by one of its owners. */
  LIST_EXTENSION
}
