package org.postroom.service.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.service.common.Settings;

/**
 * Sends notifications through the container's mail session, off the caller's thread, with a few
 * retries. The mail server is given the mail's {@link OutgoingMail#deliverTo} as its recipient.
 */
@Stateless
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
  static final int ATTEMPTS = 3;

  /** The relay's login, when it asks for one (with STARTTLS or SSL, README: Production). */
  private static final Optional<String> SMTP_USER = Settings.get("postroom.smtp.user");

  private static final Optional<String> SMTP_PASSWORD = Settings.get("postroom.smtp.password");

  @Resource(lookup = "java:jboss/mail/Postroom")
  Session session;

  @Asynchronous
  public void send(OutgoingMail mail) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        MimeMessage message = toMime(session, mail);
        Address[] envelope = {new InternetAddress(mail.deliverTo())};
        if (SMTP_USER.isPresent()) {
          Transport.send(message, envelope, SMTP_USER.get(), SMTP_PASSWORD.orElse(""));
        } else {
          Transport.send(message, envelope);
        }
        LOG.fine(() -> "Mail sent to " + mail.to() + ": " + mail.subject());
        return;
      } catch (MessagingException | UnsupportedEncodingException e) {
        final int failed = attempt;
        LOG.log(
            Level.WARNING,
            e,
            () -> "Sending mail to " + mail.to() + " failed (attempt " + failed + ")");
        pause(attempt);
      }
    }
    LOG.severe(() -> "Gave up sending mail to " + mail.to() + ": " + mail.subject());
  }

  static MimeMessage toMime(Session session, OutgoingMail mail)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom();
    message.setRecipient(
        Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setSentDate(new Date());
    return message;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(1000L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
