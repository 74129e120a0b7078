package org.postroom.domain.sieve;

/** Where mail that a filter rule matches goes. */
public enum FilterDestination {
  /** Stays in the inbox. */
  INBOX,
  /** Into a folder of the rule's, created when missing. */
  FOLDER,
  /** Into the trash (what the trash setting then does with it applies). */
  TRASH
}
