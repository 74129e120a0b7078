package org.postroom.domain.mailbox;

/** Whose a mailbox is: one person's, shared by its members, or an alumnus' lifelong one. */
public enum MailboxKind {
  PERSONAL,
  SHARED,
  /** username@alumni…: stays after every affiliation has ended (University D). */
  ALUMNI
}
