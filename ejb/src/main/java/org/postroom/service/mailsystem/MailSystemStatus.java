package org.postroom.service.mailsystem;

/** How Postroom is attached to its mail server. */
public enum MailSystemStatus {
  /** No Dovecot configured (the embedded default): changes live in the portal database only. */
  NOT_CONFIGURED,
  /** A Dovecot is configured; whether it answers now was not asked (pages never wait for it). */
  CONFIGURED,
  CONNECTED,
  UNREACHABLE
}
