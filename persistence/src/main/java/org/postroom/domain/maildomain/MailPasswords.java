package org.postroom.domain.maildomain;

/**
 * Where the mail server checks the passwords of a domain's people (IMAP, POP3, SMTP): Postroom's
 * own store (alumni, hosted organisations), or the institution's directory (LDAP), whose password
 * its people use everywhere. Postroom's views give the mail server everything else either way.
 */
public enum MailPasswords {
  POSTROOM,
  DIRECTORY
}
