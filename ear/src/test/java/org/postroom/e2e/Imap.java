package org.postroom.e2e;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.postroom.service.common.Settings;
import org.postroom.service.mailsystem.MailServerTrust;

/** A mail client's IMAP login to the end-to-end suite's Dovecot, over STARTTLS. */
public final class Imap {

  private Imap() {}

  public static Store login(String user, String password) throws Exception {
    return loginFrom(null, user, password);
  }

  /**
   * A login from another loopback source address (127.0.0.x): Dovecot answers each further failed
   * login from one address later (2, 6, 10, 15 s), so a test that expects failures makes them from
   * an address of its own, and the other tests' logins from 127.0.0.1 are not slowed down.
   */
  public static Store loginFrom(String localAddress, String user, String password)
      throws Exception {
    Properties properties = new Properties();
    if (localAddress != null) {
      properties.put("mail.imap.localaddress", localAddress);
    }
    // as a mail client: STARTTLS, the stack's certificate checked (for localhost)
    properties.put("mail.imap.host", "localhost");
    properties.put("mail.imap.starttls.enable", "true");
    properties.put("mail.imap.starttls.required", "true");
    properties.put("mail.imap.ssl.checkserveridentity", "true");
    properties.put("mail.imap.ssl.socketFactory", stackTrust().getSocketFactory());
    properties.put("mail.imap.port", Settings.get("postroom.mail.imap.port").orElseThrow());
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect(user, password);
    return store;
  }

  /** Trusts the stack's own certificate, which scripts/mail-stack makes at start. */
  public static SSLContext stackTrust() {
    return MailServerTrust.make(
        Optional.of(
            Path.of(Settings.get("postroom.e2e.stack.dir").orElseThrow(), "tls", "cert.pem")));
  }

  /** The subjects in a mailbox's INBOX, in order, read as Postroom's master user. */
  public static List<String> subjects(String mailbox) throws Exception {
    try (Store store = asMaster(mailbox)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<String> subjects = new ArrayList<>();
      for (Message message : inbox.getMessages()) {
        subjects.add(message.getSubject());
      }
      inbox.close(false);
      return subjects;
    }
  }

  /** Postroom's master user opens any mailbox: {@code mailbox*postroom-master}. */
  static Store asMaster(String mailbox) throws Exception {
    return login(
        mailbox + "*" + Settings.get("postroom.mail.master.user").orElseThrow(),
        Settings.get("postroom.mail.master.password").orElseThrow());
  }
}
