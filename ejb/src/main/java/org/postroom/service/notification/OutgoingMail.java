package org.postroom.service.notification;

import java.io.Serializable;

/**
 * A notification ready to send: one recipient, a subject and a plain-text body. Built in the
 * transaction of the change it reports, sent only once that transaction has committed.
 */
public record OutgoingMail(String to, String toName, String subject, String body)
    implements Serializable {

  public OutgoingMail {
    MailHeaders.requireSafe(subject);
    MailHeaders.requireAddress(to);
  }
}
