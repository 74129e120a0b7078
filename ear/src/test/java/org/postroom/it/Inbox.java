package org.postroom.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a recipient's mail from the test mail server over IMAP, waiting a bounded time for it to
 * arrive.
 */
public final class Inbox {

  /** A received message, as the recipient sees it. */
  public record Mail(String to, String from, String subject, String body) {}

  private Inbox() {}

  public static Mail await(String address, String subjectContains) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (Mail mail : read(address)) {
        if (mail.subject().contains(subjectContains)) {
          return mail;
        }
      }
      sleep();
    }
    throw new AssertionError(
        "No mail to "
            + address
            + " with a subject containing '"
            + subjectContains
            + "' within 30 s; the inbox holds: "
            + read(address).stream().map(Mail::subject).toList());
  }

  /**
   * The mail in {@code address}'s mailbox. Postroom sends its notices about a forward to {@code
   * <local>+postroom-notice@<domain>}, past the forward, and Dovecot files them in the mailbox
   * (e2e.PostfixIT shows it); the test mail server keeps them apart, so both are read here.
   */
  public static List<Mail> read(String address) {
    int at = address.lastIndexOf('@');
    List<Mail> mails = new ArrayList<>(readOne(address));
    if (at > 0) {
      mails.addAll(readOne(address.substring(0, at) + "+postroom-notice" + address.substring(at)));
    }
    return mails;
  }

  private static List<Mail> readOne(String address) {
    Properties properties = new Properties();
    properties.put("mail.imap.host", "127.0.0.1");
    properties.put("mail.imap.port", System.getProperty("it.imap.port", "13143"));
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "5000");
    try {
      Store store = Session.getInstance(properties).getStore("imap");
      store.connect(address, "any");
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Mail> mails = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          mails.add(
              new Mail(
                  address,
                  message.getFrom()[0].toString(),
                  message.getSubject(),
                  String.valueOf(message.getContent())));
        }
        inbox.close(false);
        return mails;
      } finally {
        store.close();
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot read the test mailbox of " + address, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
