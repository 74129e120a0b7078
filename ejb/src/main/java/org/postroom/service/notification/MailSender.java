package org.postroom.service.notification;

import jakarta.annotation.Resource;
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
import org.postroom.service.common.Settings;

/**
 * Hands a notification to the relay through the container's mail session, for the mail outbox
 * ({@link MailOutboxWorker}), which retries. The relay is given the mail's {@link
 * OutgoingMail#deliverTo} as its recipient.
 */
@Stateless
public class MailSender {

  /** The relay's login, when it asks for one (with STARTTLS or SSL, README: Production). */
  private static final Optional<String> SMTP_USER = Settings.get("postroom.smtp.user");

  private static final Optional<String> SMTP_PASSWORD = Settings.get("postroom.smtp.password");

  @Resource(lookup = "java:jboss/mail/Postroom")
  Session session;

  /**
   * Hands the mail to the relay, now; {@code id} makes its Message-ID, the same on every try, so
   * that a mail sent twice (a node died before it could mark it sent) is recognisably one.
   */
  public void deliver(OutgoingMail mail, long id)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = toMime(session, mail, messageId(id));
    Address[] envelope = {new InternetAddress(mail.deliverTo())};
    if (SMTP_USER.isPresent()) {
      Transport.send(message, envelope, SMTP_USER.get(), SMTP_PASSWORD.orElse(""));
    } else {
      Transport.send(message, envelope);
    }
  }

  /** The same on every node and every try: the outbox row and the sender's domain. */
  private String messageId(long id) {
    InternetAddress from = InternetAddress.getLocalAddress(session);
    String address = from == null ? "postroom@postroom.invalid" : from.getAddress();
    return "<notification." + id + address.substring(address.lastIndexOf('@')) + ">";
  }

  /** Whether sending failed because the relay could not be reached (not because it refused). */
  static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  static MimeMessage toMime(Session session, OutgoingMail mail)
      throws MessagingException, UnsupportedEncodingException {
    return toMime(session, mail, null);
  }

  private static MimeMessage toMime(Session session, OutgoingMail mail, String messageId)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
              super.updateMessageID();
            } else {
              setHeader("Message-ID", messageId);
            }
          }
        };
    message.setFrom();
    message.setRecipient(
        Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setSentDate(new Date());
    return message;
  }
}
