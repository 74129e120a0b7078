package org.postroom.service.provisioning;

import org.postroom.domain.mailbox.Mailbox;

/**
 * The port to the mail server (Dovecot): what cannot be expressed as rows the server reads itself.
 * Every operation is idempotent: applying it to a mail server that already has the result counts as
 * done.
 */
public interface MailSystem {

  /** Creates the shared mailbox's storage and grants its members access. */
  void createSharedMailbox(Mailbox mailbox);

  /** Whether a real mail server is attached, for the admin UI and the user's view of a change. */
  MailSystemStatus status();
}
