package org.postroom.domain.incident;

/**
 * The topics of a domain's help for an incident, in the order its page shows them. Each has a
 * default text in every language the product speaks; an administrator may write the domain's own.
 */
public enum HelpTopic {
  /** What was lost, and what to do now (ask senders to resend, check forwards and replies). */
  LOST,
  /** How to back up one's mail with one's mail program. */
  BACKUP,
  /** Keep mail in an archive folder rather than the inbox. */
  ARCHIVE
}
