package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.client.ClientSettingsAdmin;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sharedmailbox.SharedMailboxService;

/**
 * A mail program set up by autoconfiguration alone: the administrator describes the domain's server
 * (the suite's Dovecot and Postfix), a program asks Postroom's public autoconfig file for a
 * person's address over HTTP, and with exactly what it says — host, port, security, login — Jakarta
 * Mail logs in to the real Dovecot over IMAP with the person's password and sends through Postfix.
 */
@ExtendWith(ArquillianExtension.class)
class ClientSetupIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        ClientSetupIT.class,
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
  @Inject SharedMailboxService sharedMailboxes;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static final java.util.concurrent.atomic.AtomicInteger REFUSALS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** An IMAP login with exactly the server's settings, as a mail program makes it. */
  private static Store connect(Autoconfig.Server imap, String login, String password)
      throws Exception {
    return connect(imap, login, password, "127.0.0.1");
  }

  private static Store connect(Autoconfig.Server imap, String login, String password, String from)
      throws Exception {
    Properties settings = new Properties();
    settings.put("mail.imap.localaddress", from);
    settings.put("mail.imap.connectiontimeout", "5000");
    settings.put("mail.imap.timeout", "10000");
    if ("STARTTLS".equals(imap.socketType())) {
      // as a mail program: TLS before the password, the stack's certificate checked
      settings.put("mail.imap.starttls.enable", "true");
      settings.put("mail.imap.starttls.required", "true");
      settings.put("mail.imap.ssl.checkserveridentity", "true");
      settings.put("mail.imap.ssl.socketFactory", Imap.stackTrust().getSocketFactory());
    } else {
      settings.put("mail.imap.starttls.enable", "false");
    }
    Store store = Session.getInstance(settings).getStore("imap");
    store.connect(imap.host(), imap.port(), login, password);
    return store;
  }

  @Test
  void aMailProgramLogsInAndSendsWithWhatAutoconfigurationSays() throws Exception {
    MailUsers people = MailUsers.create("cs", 1, domains, imports, credentials, hasher, em, tx);
    String address = people.address(0);
    int imapPort = Integer.parseInt(Settings.get("postroom.mail.imap.port").orElseThrow());
    int smtpPort = Integer.parseInt(Settings.get("postroom.e2e.postfix.port").orElseThrow());
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
                List.of(
                    new ClientEndpoint(Protocol.IMAP, "127.0.0.1", imapPort, Security.NONE, null),
                    new ClientEndpoint(
                        Protocol.SMTP, "127.0.0.1", smtpPort, Security.NONE, "loopback")),
                null));

    String answer = Autoconfig.fetch(address);
    List<Autoconfig.Server> incoming = Autoconfig.servers(answer, "incomingServer");
    List<Autoconfig.Server> outgoing = Autoconfig.servers(answer, "outgoingServer");
    assertEquals(1, incoming.size(), answer);
    Autoconfig.Server imap = incoming.get(0);
    assertEquals("imap", imap.type());
    assertEquals("plain", imap.socketType());
    String login = imap.username().replace("%EMAILADDRESS%", address);

    try (Store store = connect(imap, login, MailUsers.password())) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertTrue(inbox.exists());
      inbox.close(false);
    }

    if (Smtp.port().isPresent()) {
      Autoconfig.Server smtp = outgoing.get(0);
      Properties sending = new Properties();
      sending.put("mail.smtp.host", smtp.host());
      sending.put("mail.smtp.port", Integer.toString(smtp.port()));
      sending.put("mail.smtp.connectiontimeout", "5000");
      MimeMessage message = new MimeMessage(Session.getInstance(sending));
      message.setFrom(new InternetAddress("sender@outside.example"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
      message.setSubject("set up by autoconfig");
      message.setText("hello");
      Transport.send(message);
      Instant until = Instant.now().plusSeconds(60);
      while (!Imap.subjects(address).contains("set up by autoconfig")) {
        assertTrue(Instant.now().isBefore(until), "the message arrives through Postfix");
        Thread.sleep(200);
      }
    }
  }

  /**
   * University B: a member sets up a shared mailbox as an account of its own, with the shared
   * address as login and their own password, on a server that allows it. Dovecot's checkpassword
   * passdb (mail-system/dovecot/postroom-shared-login) checks the password against each member's
   * hash from the view mail_shared_passdb; nobody else's password opens it, and a member removed or
   * the server's choice switched off closes it at the next login.
   */
  @Test
  void membersLogInToASharedMailboxWithItsAddressAndTheirOwnPassword() throws Exception {
    MailUsers people = MailUsers.create("sl", 3, domains, imports, credentials, hasher, em, tx);
    String first = people.usernames().get(0);
    String second = people.usernames().get(1);
    String firstPassword = "Kapstok-" + first + "-9";
    String secondPassword = "Vensterbank-" + second + "-4";
    String shared = "secretariaat@" + people.domain();
    tx.begin();
    List<Account> members =
        em.createQuery("select a from Account a where a.username in :u", Account.class)
            .setParameter("u", List.of(first, second))
            .getResultList();
    for (Account member : members) {
      member.changePasswordHash(
          hasher.hash(member.getUsername().equals(first) ? firstPassword : secondPassword));
    }
    MailDomain domain =
        em.createQuery("select d from MailDomain d where d.name = :n", MailDomain.class)
            .setParameter("n", people.domain())
            .getSingleResult();
    em.persist(Mailbox.shared(domain, shared, members, Instant.now()));
    tx.commit();
    describeStack(people.domain(), true);
    String delivered = Lmtp.deliver("dean@example.org", shared, "for the secretariat", 2_000);
    assertTrue(delivered.startsWith("250"), delivered);

    Autoconfig.Server imap = Autoconfig.servers(Autoconfig.fetch(shared), "incomingServer").get(0);
    String login = imap.username().replace("%EMAILADDRESS%", shared);
    assertEquals(shared, login, "autoconfig tells the shared address as login");
    for (String own : List.of(firstPassword, secondPassword)) {
      try (Store store = connect(imap, login, own)) {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertEquals("for the secretariat", inbox.getMessage(1).getSubject(), "the shared INBOX");
        inbox.close(false);
        // logged in with its address a member is its owner, and still grants nobody access
        assertThrows(
            MessagingException.class,
            () ->
                ((IMAPFolder) inbox).addACL(new ACL(people.address(2), new Rights("lrwstipekx"))));
      }
    }
    // the mail server's log says which member opened it
    assertTrue(
        dovecotLog().contains("postroom-shared-login: " + first + " opened " + shared),
        "the member who opened the shared mailbox is logged");
    // for reading mail only: ManageSieve (the Sieve scripts, where Postroom keeps the forward
    // rules)
    // refuses the shared login, and people's own logins too; it is Postroom's master user's
    assertTrue(sieveLogin(shared, firstPassword).startsWith("NO"), "ManageSieve as the shared box");
    assertTrue(sieveLogin(people.address(0), firstPassword).startsWith("NO"), "the member's own");
    String master = Settings.get("postroom.mail.master.user").orElseThrow();
    String masterPassword = Settings.get("postroom.mail.master.password").orElseThrow();
    assertTrue(
        sieveLogin(people.address(0) + "*" + master, masterPassword, "127.0.0.1").startsWith("OK"),
        "Postroom's master user, from Postroom's address");

    // the third person of the domain is no member: their own password (the suite's) does not open
    // it
    refused(imap, login, MailUsers.password());
    refused(imap, login.toUpperCase(java.util.Locale.ROOT), "Kapstok-wrong");
    // hostile logins are refused as such, not as a failure of the mail server
    refused(imap, "o'brien\\\"@" + people.domain(), firstPassword);
    refused(imap, first, firstPassword + "'; --");

    run(credentials, "helpdesk", () -> sharedMailboxes.removeMember(shared, second));
    refused(imap, login, secondPassword);
    try (Store store = connect(imap, login, firstPassword)) {
      assertTrue(store.getFolder("INBOX").exists(), "the member left keeps access");
    }

    describeStack(people.domain(), false);
    refused(imap, login, firstPassword);
  }

  private void describeStack(String domain, boolean sharedLogin) throws Exception {
    int imapPort = Integer.parseInt(Settings.get("postroom.mail.imap.port").orElseThrow());
    run(
        credentials,
        "admin",
        () ->
            clients.describe(
                domain,
                0,
                "e2e stack",
                LoginFormat.ADDRESS,
                sharedLogin,
                null,
                List.of(
                    // the name in the stack's certificate; Dovecot wants TLS from other addresses
                    new ClientEndpoint(
                        Protocol.IMAP, "localhost", imapPort, Security.STARTTLS, null),
                    new ClientEndpoint(Protocol.SMTP, "127.0.0.1", 25, Security.NONE, null)),
                null));
  }

  /**
   * The answer of Dovecot's ManageSieve to a PLAIN login inside TLS, from a loopback address of its
   * own (as a mail program elsewhere would).
   */
  private static String sieveLogin(String login, String password) throws Exception {
    return sieveLogin(login, password, "127.0.0." + (20 + REFUSALS.incrementAndGet()));
  }

  private static String sieveLogin(String login, String password, String from) throws Exception {
    int port = Integer.parseInt(Settings.get("postroom.mail.sieve.port").orElseThrow());
    try (java.net.Socket plain = new java.net.Socket()) {
      plain.bind(new java.net.InetSocketAddress(from, 0));
      plain.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
      plain.setSoTimeout(20_000);
      java.io.BufferedReader in = untilOk(plain);
      plain.getOutputStream().write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
      assertTrue(String.valueOf(in.readLine()).startsWith("OK"), "STARTTLS");
      javax.net.ssl.SSLSocket tls =
          (javax.net.ssl.SSLSocket)
              Imap.stackTrust().getSocketFactory().createSocket(plain, "localhost", port, true);
      tls.startHandshake();
      in = untilOk(tls);
      String token =
          java.util.Base64.getEncoder()
              .encodeToString(("\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8));
      tls.getOutputStream()
          .write(("AUTHENTICATE \"PLAIN\" \"" + token + "\"\r\n").getBytes(StandardCharsets.UTF_8));
      tls.getOutputStream().flush();
      return String.valueOf(in.readLine());
    }
  }

  /** Reads the server's capabilities up to their closing OK. */
  private static java.io.BufferedReader untilOk(java.net.Socket socket) throws Exception {
    java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = in.readLine();
    } while (line != null && !line.startsWith("OK"));
    return in;
  }

  /**
   * Dovecot refuses the login as wrong credentials (not as a temporary failure of its own). Each
   * attempt comes from another loopback address: Dovecot delays logins from an address after its
   * failures (2, 4, 8, 15 s), which is as it should be for a mail program but not for this test.
   */
  /**
   * A shared mailbox of more members than one login attempt checks is opened as a folder of each
   * member's own login, never with its address: every attempt there costs the same few hashes,
   * whatever the number of members.
   */
  @Test
  void aSharedMailboxOfManyMembersIsNotOpenedWithItsAddress() throws Exception {
    MailUsers people = MailUsers.create("sm", 9, domains, imports, credentials, hasher, em, tx);
    String shared = "office@" + people.domain();
    tx.begin();
    List<Account> members =
        em.createQuery("select a from Account a where a.username in :u", Account.class)
            .setParameter("u", people.usernames())
            .getResultList();
    em.persist(
        Mailbox.shared(
            em.createQuery("select d from MailDomain d where d.name = :n", MailDomain.class)
                .setParameter("n", people.domain())
                .getSingleResult(),
            shared,
            members,
            Instant.now()));
    tx.commit();
    describeStack(people.domain(), true);
    Autoconfig.Server imap = Autoconfig.servers(Autoconfig.fetch(shared), "incomingServer").get(0);
    refused(imap, shared, MailUsers.password());
    assertTrue(
        dovecotLog().contains(shared + " has more than 8 members"),
        "the log says why the shared address does not open");
    describeStack(people.domain(), false);
  }

  private static String dovecotLog() throws Exception {
    return java.nio.file.Files.readString(
        java.nio.file.Path.of(
            Settings.get("postroom.e2e.stack.dir").orElseThrow(), "dovecot", "dovecot.log"));
  }

  private static void refused(Autoconfig.Server imap, String login, String password) {
    String from = "127.0.0." + (20 + REFUSALS.incrementAndGet());
    AuthenticationFailedException refused =
        assertThrows(
            AuthenticationFailedException.class,
            () -> connect(imap, login, password, from).close());
    assertTrue(
        String.valueOf(refused.getMessage()).contains("AUTHENTICATIONFAILED"),
        login + ": " + refused.getMessage());
  }
}
