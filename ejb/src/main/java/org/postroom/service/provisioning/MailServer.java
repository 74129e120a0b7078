package org.postroom.service.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Optional;
import java.util.Properties;
import org.postroom.service.common.Settings;

/**
 * Where Postroom reaches its Dovecot, from the environment: {@code POSTROOM_MAIL_IMAP_HOST}, {@code
 * _IMAP_PORT}, {@code _MASTER_USER}, {@code _MASTER_PASSWORD}. Without a host and a master password
 * none is attached (the embedded default). Opens IMAP sessions as Postroom's master user on a
 * mailbox's behalf ({@code mailbox*master}).
 */
@ApplicationScoped
public class MailServer {

  private static final int TIMEOUT_MS = 10_000;

  public boolean configured() {
    return Settings.get("postroom.mail.imap.host").isPresent()
        && Settings.get("postroom.mail.master.password").isPresent();
  }

  /** An IMAP session on the mailbox as the master user; the caller closes it. */
  public Store openAs(String mailbox) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.imap.host", setting("postroom.mail.imap.host").orElseThrow());
    properties.put("mail.imap.port", setting("postroom.mail.imap.port").orElse("143"));
    properties.put(
        "mail.imap.starttls.enable", setting("postroom.mail.imap.starttls").orElse("false"));
    properties.put("mail.imap.connectiontimeout", String.valueOf(TIMEOUT_MS));
    properties.put("mail.imap.timeout", String.valueOf(TIMEOUT_MS));
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect(
        mailbox + "*" + setting("postroom.mail.master.user").orElse("postroom-master"),
        setting("postroom.mail.master.password").orElseThrow());
    return store;
  }

  private static Optional<String> setting(String name) {
    return Settings.get(name);
  }
}
