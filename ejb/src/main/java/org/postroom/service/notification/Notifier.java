package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Queues a notification in the current transaction and hands it to the sender only after a
 * successful commit: a rolled-back change mails nobody, and a slow SMTP server never holds a
 * transaction.
 */
@ApplicationScoped
public class Notifier {

  @Inject Event<OutgoingMail> queued;
  @Inject MailSender sender;

  public void queue(OutgoingMail mail) {
    queued.fire(mail);
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
    sender.send(mail);
  }
}
