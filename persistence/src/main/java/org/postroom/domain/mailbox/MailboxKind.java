package org.postroom.domain.mailbox;

/** Whose a mailbox is: one person's, or shared by its members. */
public enum MailboxKind {
  PERSONAL,
  SHARED
}
