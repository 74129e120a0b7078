package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.run;

import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.client.ClientSettingsAdmin;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * Every endpoint a mail program is told of is one the mail servers really speak, with the security
 * announced: the administrator describes the domain's server with what the reference institutions
 * publish (IMAP on 143 with STARTTLS and 993 with TLS, POP3 on 110 and 995 likewise, submission on
 * 587 with STARTTLS and 465 with TLS; the test stack's ports), and for each server of Postroom's
 * autoconfig file Jakarta Mail connects as a mail program would: TLS as announced and required, the
 * stack's certificate checked against the announced host name, a login with the person's own
 * password. Reading reads a message; sending sends one that arrives. Submission lets a person send
 * only from an address of their own (a shared mailbox they are a member of counts) and nobody
 * without a login. Outlook's Autodiscover announces exactly the same endpoints.
 */
@ExtendWith(ArquillianExtension.class)
class MailEndpointsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        MailEndpointsIT.class,
        Autoconfig.class,
        Imap.class,
        Lmtp.class,
        Smtp.class,
        MailUsers.class,
        RegistryPerson.class);
  }

  @Inject CredentialService credentials;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject ClientSettingsAdmin clients;
  @Inject SharedMailboxRequestService requests;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @jakarta.annotation.Resource UserTransaction tx;

  @Test
  void everyAnnouncedEndpointSpeaksWhatAutoconfigurationSays() throws Exception {
    Assumptions.assumeTrue(
        Smtp.port().isPresent(), "Postfix runs in the stack only as root (scripts/mail-stack)");
    MailUsers people = MailUsers.create("ep", 3, domains, imports, credentials, hasher, em, tx);
    String reader = people.address(0);
    String colleague = people.address(1);
    List<ClientEndpoint> published =
        List.of(
            endpoint(Protocol.IMAP, "postroom.mail.imap.port", Security.STARTTLS),
            endpoint(Protocol.IMAP, "postroom.e2e.imaps.port", Security.SSL),
            endpoint(Protocol.POP3, "postroom.e2e.pop3.port", Security.STARTTLS),
            endpoint(Protocol.POP3, "postroom.e2e.pop3s.port", Security.SSL),
            endpoint(Protocol.SMTP, "postroom.e2e.submission.port", Security.STARTTLS),
            endpoint(Protocol.SMTP, "postroom.e2e.submissions.port", Security.SSL));
    run(
        credentials,
        "admin",
        () ->
            clients.describe(
                people.domain(),
                0,
                "e2e stack",
                LoginFormat.ADDRESS,
                false,
                null,
                published,
                null));
    String delivered = Lmtp.deliver("dean@example.org", reader, "waiting to be read", 500);
    assertTrue(delivered.startsWith("250"), delivered);

    String answer = Autoconfig.fetch(reader);
    List<Autoconfig.Server> incoming = Autoconfig.servers(answer, "incomingServer");
    List<Autoconfig.Server> outgoing = Autoconfig.servers(answer, "outgoingServer");
    assertEquals(4, incoming.size(), answer);
    assertEquals(2, outgoing.size(), answer);
    List<String> announced = new ArrayList<>();
    for (Autoconfig.Server server : incoming) {
      announced.add(server.type() + " " + server.port() + " " + server.socketType());
      try (Store store = connect(server, server.login(reader), MailUsers.password())) {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertEquals(
            "waiting to be read",
            inbox.getMessage(1).getSubject(),
            server.type() + " on " + server.port() + " reads the mailbox");
        inbox.close(false);
      }
    }
    for (Autoconfig.Server server : outgoing) {
      announced.add(server.type() + " " + server.port() + " " + server.socketType());
      String subject = "sent through " + server.port();
      send(server, server.login(reader), MailUsers.password(), reader, colleague, subject);
      awaitSubject(colleague, subject);
    }
    assertEquals(
        List.of(
            "imap " + port("postroom.mail.imap.port") + " STARTTLS",
            "imap " + port("postroom.e2e.imaps.port") + " SSL",
            "pop3 " + port("postroom.e2e.pop3.port") + " STARTTLS",
            "pop3 " + port("postroom.e2e.pop3s.port") + " SSL",
            "smtp " + port("postroom.e2e.submission.port") + " STARTTLS",
            "smtp " + port("postroom.e2e.submissions.port") + " SSL"),
        announced,
        "autoconfig announces each endpoint with its security, in the order described");

    // Outlook is told the same endpoints (Autodiscover): what connected above is what it uses
    List<Autoconfig.Server> mozilla = new ArrayList<>(incoming);
    mozilla.addAll(outgoing);
    assertEquals(mozilla, Autoconfig.outlook(reader), "Outlook's Autodiscover says the same");

    // the announced security is what the server speaks: TLS from the start where STARTTLS is
    // announced, or a plain start where TLS is, does not connect
    Autoconfig.Server starttls = outgoing.get(0);
    Autoconfig.Server ssl = outgoing.get(1);
    assertThrows(
        MessagingException.class,
        () ->
            send(
                new Autoconfig.Server("smtp", ssl.host(), starttls.port(), "SSL", ssl.username()),
                reader,
                MailUsers.password(),
                reader,
                colleague,
                "wrong security"));
    assertThrows(
        MessagingException.class,
        () ->
            connect(
                new Autoconfig.Server("imap", ssl.host(), incoming.get(1).port(), "STARTTLS", ""),
                reader,
                MailUsers.password()));

    // submission: nobody without a login, and each person only from an address of their own
    MessagingException anonymous =
        assertThrows(
            MessagingException.class,
            () -> send(starttls, null, null, reader, colleague, "no login"));
    assertTrue(chain(anonymous).contains("554 5.7.1"), chain(anonymous));
    MessagingException impersonation =
        assertThrows(
            MessagingException.class,
            () ->
                send(
                    starttls,
                    reader,
                    MailUsers.password(),
                    people.address(2),
                    colleague,
                    "as someone else"));
    assertTrue(
        chain(impersonation).contains("not owned by user"),
        "Postfix refuses a sender the login does not own: " + chain(impersonation));
    String wrongPassword =
        chain(
            assertThrows(
                MessagingException.class,
                () ->
                    send(ssl, reader, "Not-the-password-1", reader, colleague, "wrong password")));
    assertTrue(wrongPassword.contains("535"), wrongPassword);

    // a member sends as the shared mailbox from their own login
    String shared =
        people.sharedMailbox(
            "frontdesk",
            List.of(people.usernames().get(0), people.usernames().get(1)),
            credentials,
            requests);
    send(ssl, reader, MailUsers.password(), shared, colleague, "from the front desk");
    awaitSubject(colleague, "from the front desk");
    assertTrue(
        chain(
                assertThrows(
                    MessagingException.class,
                    () ->
                        send(
                            ssl,
                            people.address(2),
                            MailUsers.password(),
                            shared,
                            colleague,
                            "not a member")))
            .contains("not owned by user"),
        "a non-member does not send as the shared mailbox");
  }

  private static ClientEndpoint endpoint(Protocol protocol, String portSetting, Security security) {
    // the name in the stack's certificate (scripts/mail-stack), which programs check
    return new ClientEndpoint(protocol, "localhost", port(portSetting), security, null);
  }

  private static int port(String setting) {
    return Integer.parseInt(Settings.get(setting).orElseThrow());
  }

  /** TLS as the server says: from the start (SSL), or by STARTTLS, required and checked. */
  private static Properties security(String protocol, Autoconfig.Server server) {
    Properties settings = new Properties();
    String prefix = "mail." + protocol + ".";
    settings.put(prefix + "host", server.host());
    settings.put(prefix + "port", Integer.toString(server.port()));
    settings.put(prefix + "connectiontimeout", "5000");
    settings.put(prefix + "timeout", "20000");
    settings.put(prefix + "ssl.checkserveridentity", "true");
    settings.put(prefix + "ssl.socketFactory", Imap.stackTrust().getSocketFactory());
    if ("STARTTLS".equals(server.socketType())) {
      settings.put(prefix + "starttls.enable", "true");
      settings.put(prefix + "starttls.required", "true");
    } else {
      assertEquals("SSL", server.socketType(), "this test's servers are all protected");
      settings.put(prefix + "ssl.enable", "true");
    }
    return settings;
  }

  private static Store connect(Autoconfig.Server server, String login, String password)
      throws Exception {
    Properties settings = security(server.type(), server);
    Store store = Session.getInstance(settings).getStore(server.type());
    store.connect(server.host(), server.port(), login, password);
    return store;
  }

  private static void send(
      Autoconfig.Server server,
      String login,
      String password,
      String from,
      String to,
      String subject)
      throws Exception {
    Properties settings = security("smtp", server);
    settings.put("mail.smtp.auth", Boolean.toString(login != null));
    MimeMessage message = new MimeMessage(Session.getInstance(settings));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText("sent as a mail program sends");
    try (Transport transport = message.getSession().getTransport("smtp")) {
      transport.connect(server.host(), server.port(), login, password);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private static void awaitSubject(String mailbox, String subject) throws Exception {
    Instant until = Instant.now().plusSeconds(60);
    while (!Imap.subjects(mailbox).contains(subject)) {
      assertTrue(Instant.now().isBefore(until), "\"" + subject + "\" arrives at " + mailbox);
      Thread.sleep(200);
    }
  }

  /** The messages of an exception and its causes (Jakarta Mail nests the server's answer). */
  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append(" | ");
      if (t instanceof MessagingException m && m.getNextException() != null) {
        text.append(m.getNextException()).append(" | ");
      }
    }
    return text.toString();
  }
}
