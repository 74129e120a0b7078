package org.postroom.service.notification;

import java.io.Serializable;

/**
 * A notification ready to send: one recipient, a subject and a plain-text body. Built in the
 * transaction of the change it reports, sent only once that transaction has committed. The mail
 * server is given {@code deliverTo} as the recipient; the mail shows {@code to}. They differ only
 * for a notice that must land in a mailbox whatever its forward says ({@link #intoMailbox}).
 */
public record OutgoingMail(String to, String toName, String subject, String body, String deliverTo)
    implements Serializable {

  /**
   * The address extension that Postroom's Postfix delivers straight into the mailbox, past the
   * mailbox's forward (mail-system/postfix/pgsql-mailboxes.cf; Dovecot drops the extension at its
   * {@code recipient_delimiter}). Postroom's own local parts never hold a {@code +}, so no alias or
   * list can take such an address.
   */
  static final String UNFORWARDED = "+postroom-notice";

  public OutgoingMail {
    MailHeaders.requireSafe(subject);
    MailHeaders.requireAddress(to);
    MailHeaders.requireAddress(deliverTo);
  }

  public OutgoingMail(String to, String toName, String subject, String body) {
    this(to, toName, subject, body, to);
  }

  /**
   * The same mail delivered into the mailbox {@code to} itself, not to where it forwards: how a
   * person learns that their mail is forwarded when the forward keeps no copy.
   */
  public OutgoingMail intoMailbox() {
    int at = to.lastIndexOf('@');
    return new OutgoingMail(
        to, toName, subject, body, to.substring(0, at) + UNFORWARDED + to.substring(at));
  }
}
