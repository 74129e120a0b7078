package org.postroom.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.postroom.e2e.Directory;
import org.postroom.e2e.Imap;
import org.postroom.it.Browser;
import org.postroom.it.Deployments;
import org.postroom.it.Keycloak;

/**
 * Postroom started as README's Production section says, on a database without demo data: the
 * production profile (its checks passed), PostgreSQL, HTTPS with the institution's certificate,
 * notifications through a real relay (Postfix), sign-in through the institution's identity provider
 * (Keycloak, federating the directory), mail passwords from the directory (Dovecot's LDAP passdb).
 * The bootstrap administrator sets up the domain, imports the registry and makes a helpdesk member;
 * a staff member who never had a Postroom password signs in through the provider, requests a shared
 * mailbox, the helpdesk member approves it, and the staff member opens it over IMAP with the
 * directory password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductionStartIT {

  private static final String ADMIN_PASSWORD = System.getProperty("it.production.admin.password");
  private static final String DOMAIN = "inst-p.example";
  private static final String REALM = "institution";

  /** The directory's own passwords, one per person: Postroom never sees them but at sign-in. */
  private static final String STAFF_PASSWORD = "Directory lantern 7 staff";

  private static final String COLLEAGUE_PASSWORD = "Directory lantern 7 colleague";
  private static final String HELPDESK_PASSWORD = "Directory lantern 7 helpdesk";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeAll
  static void identityProviderIsUp() throws Exception {
    Keycloak.await(REALM);
  }

  @Test
  void anInstitutionStartsPostroomInProductionAndItsPeopleUseIt() throws Exception {
    // the institution's directory knows its people, with their own passwords
    Directory.add("pvermeer", "Pieter", "Vermeer", "pvermeer@" + DOMAIN, STAFF_PASSWORD);
    Directory.add("kdevos", "Kaat", "Devos", "kdevos@" + DOMAIN, COLLEAGUE_PASSWORD);
    Directory.add("hbakker", "Hanne", "Bakker", "hbakker@" + DOMAIN, HELPDESK_PASSWORD);
    Path registry = Files.createDirectories(Path.of("target", "uploads")).resolve("people-p.csv");
    Files.writeString(
        registry,
        "registryId;givenNames;surname;username;domain;affiliations\n"
            + "p-1001;Pieter;Vermeer;pvermeer;"
            + DOMAIN
            + ";STAFF:2020-01-01\n"
            + "p-1002;Kaat;Devos;kdevos;"
            + DOMAIN
            + ";STAFF:2021-03-01\n"
            + "p-1003;Hanne;Bakker;hbakker;"
            + DOMAIN
            + ";STAFF:2019-09-01\n",
        StandardCharsets.UTF_8);

    try (Browser admin = new Browser()) {
      admin.open("login.xhtml");
      Cookie session = admin.driver().manage().getCookieNamed("JSESSIONID");
      assertTrue(session.isSecure() && session.isHttpOnly(), "over HTTPS the cookie is Secure");
      // no demo data: the demo administrator does not exist
      admin.type("#login\\:username", "admin");
      admin.type("#login\\:password", "postroom-demo");
      admin.click("#login\\:submit");
      admin.waitForText("#login", "The username or password is not correct.");
      // the bootstrap administrator's break-glass login
      admin.submitLogin("rescue", ADMIN_PASSWORD);
      admin.screenshot("p-01-first-admin");

      // the institution's domain: addresses are the usernames, mail passwords in the directory
      admin.navigate("#navDomains");
      admin.click("#newDomain");
      admin.type("#domain\\:name", DOMAIN);
      admin.choose("#domain\\:mailPasswords", "The institution's directory (LDAP)");
      admin.choose("#domain\\:addressScheme", "The username");
      admin.click("#domain\\:sharedRequestsEnabled .ui-chkbox-box");
      admin.click("#domain\\:save");
      admin.waitForText("#messages", "The domain " + DOMAIN + " is added.");

      // its people from the registry, no passwords
      admin.navigate("#navImports");
      admin
          .driver()
          .findElement(By.cssSelector("#upload input[type=file]"))
          .sendKeys(registry.toAbsolutePath().toString());
      admin.click("#upload\\:start");
      admin.waitForText("#messages", "The import of people-p.csv has started.");
      admin.waitForText("#list\\:imports tbody tr:first-child .pr-import-state", "completed");

      // a helpdesk member, granted in the UI
      admin.navigate("#navRoles");
      admin.type("#roles\\:username", "hbakker");
      admin.click("#roles\\:show");
      admin.waitForText("#who", "Hanne Bakker");
      admin.type("#roles\\:reason", "Runs the service desk (production start)");
      admin.click(".pr-grant-helpdesk");
      admin.waitForText("#messages", "Hanne Bakker is now helpdesk.");
      admin.screenshot("p-02-helpdesk-granted");
      admin.logout();
    }

    String localPart = "secretariat";
    String office = localPart + "@" + DOMAIN;
    try (Browser staff = new Browser()) {
      // a person with no Postroom password signs in through the institution
      staff.open("requests/new.xhtml");
      staff.waitForText("#sso", "Sign in with Institution P");
      staff.click("#sso");
      Keycloak.signIn(staff, "pvermeer", STAFF_PASSWORD);
      staff.waitForText("#session\\:who", "Pieter Vermeer");
      staff.type("#request\\:localPart", localPart);
      staff.type("#request\\:purpose", "The department's secretariat, shared by its staff");
      staff.chooseMember("vermeer", "pvermeer");
      staff.chooseMember("devos", "kdevos");
      staff.click("#request\\:submit");
      staff.waitForText("#state", "Waiting for the helpdesk");
      staff.waitForText("#address", office);
      staff.screenshot("p-03-request-through-sso");
      staff.logout();
    }

    try (Browser helpdesk = new Browser()) {
      helpdesk.open("helpdesk/queue.xhtml");
      helpdesk.click("#sso");
      Keycloak.signIn(helpdesk, "hbakker", HELPDESK_PASSWORD);
      helpdesk.find("#queue");
      helpdesk.type("#queue\\:requests\\:globalFilter", localPart);
      helpdesk.waitForText("#queue\\:requests_data", office);
      helpdesk.click("#queue\\:requests_data a.pr-request-link");
      helpdesk.click("#decision\\:approve");
      helpdesk.waitForText("#state", "Ready");
      helpdesk.waitForText("#mailbox", office + " is ready");
      helpdesk.screenshot("p-04-approved");
    }

    // the staff member opens the shared mailbox with the directory password, once the outbox has
    // applied the grant on Dovecot
    assertOpensShared("pvermeer@" + DOMAIN, STAFF_PASSWORD, office);
    assertOpensShared("kdevos", COLLEAGUE_PASSWORD, office);
    // and the role's mail reached the helpdesk member through the relay
    List<String> received =
        awaitSubject(
            "hbakker@" + DOMAIN, HELPDESK_PASSWORD, "You have a new role in Postroom: helpdesk");
    assertTrue(received.contains("You have a new role in Postroom: helpdesk"), received.toString());
  }

  @Test
  void forwardedHeadersAreBelievedFromTheTrustedProxyOnly() throws Exception {
    // the plain HTTP listener, as a reverse proxy reaches it; the proxy says the client used HTTPS
    String fromProxy = headers("127.0.0.2");
    String fromAnyoneElse = headers("127.0.0.1");
    assertTrue(fromProxy.contains("strict-transport-security"), fromProxy);
    assertTrue(fromProxy.matches("(?s).*set-cookie: jsessionid=[^\n]*secure.*"), fromProxy);
    assertFalse(fromAnyoneElse.contains("strict-transport-security"), fromAnyoneElse);
    assertFalse(fromAnyoneElse.matches("(?s).*set-cookie: [^\n]*secure.*"), fromAnyoneElse);
  }

  /** The response headers, lower case, of a request from this loopback address. */
  private static String headers(String from) throws Exception {
    int port = 8080 + Integer.parseInt(System.getProperty("it.port.offset"));
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /login.xhtml HTTP/1.1\r\nHost: portal.inst-p.example\r\n"
                  + "X-Forwarded-For: 192.0.2.10\r\nX-Forwarded-Proto: https\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      StringBuilder head = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.append(line.toLowerCase(java.util.Locale.ROOT)).append('\n');
      }
      assertTrue(head.toString().startsWith("http/1.1 200"), head.toString());
      return head.toString();
    }
  }

  private static void assertOpensShared(String login, String password, String shared)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      try (Store store = Imap.login(login, password)) {
        Folder inbox = store.getFolder("shared/" + shared + "/INBOX");
        inbox.open(Folder.READ_ONLY);
        assertEquals(0, inbox.getMessageCount(), "a new shared mailbox is empty");
        inbox.close(false);
        return;
      } catch (jakarta.mail.MessagingException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(login + " cannot open " + shared, notYet);
        }
        Thread.sleep(1000);
      }
    }
  }

  /** The subjects in the INBOX once one is {@code wanted}, or at the deadline. */
  private static List<String> awaitSubject(String login, String password, String wanted)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      List<String> subjects = new ArrayList<>();
      try (Store store = Imap.login(login, password)) {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        for (jakarta.mail.Message message : inbox.getMessages()) {
          subjects.add(message.getSubject());
        }
        inbox.close(false);
      }
      if (subjects.contains(wanted) || Instant.now().isAfter(deadline)) {
        return subjects;
      }
      Thread.sleep(1000);
    }
  }
}
