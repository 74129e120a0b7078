package org.postroom.service.provisioning;

/** How Postroom is attached to its mail server. */
public enum MailSystemStatus {
  /** No Dovecot configured (the embedded default): changes live in the portal database only. */
  NOT_CONFIGURED,
  CONNECTED,
  UNREACHABLE
}
