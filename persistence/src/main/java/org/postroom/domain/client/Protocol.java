package org.postroom.domain.client;

/** What a mail program talks to a server: reading (IMAP, POP3) or sending (SMTP submission). */
public enum Protocol {
  IMAP,
  POP3,
  SMTP;

  public boolean incoming() {
    return this != SMTP;
  }
}
