package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Queues a notification in the current transaction and hands it to the sender only after a
 * successful commit: a rolled-back change mails nobody, and a slow SMTP server never holds a
 * transaction. A person who has no address yet (they have still to choose it) is not mailed.
 */
@ApplicationScoped
public class Notifier {

  @Inject Event<OutgoingMail> queued;
  @Inject MailSender sender;

  private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

  public void queue(OutgoingMail mail) {
    if (mail.to() == null) {
      LOG.info(() -> "Not mailed, the recipient has no address yet: " + mail.subject());
      return;
    }
    queued.fire(mail);
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
    sender.send(mail);
  }
}
