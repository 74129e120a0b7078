package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.mailsystem.DoveadmClient;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;

/**
 * The mail-system templates as shipped (mail-system/, run by scripts/mail-stack as they are): TLS
 * required for every login that does not come from the server's own address, passwords only inside
 * TLS, Postroom's master user only from Postroom's address, doveadm's key only over HTTPS, the mail
 * servers' queries to PostgreSQL over verified TLS, and Postfix offering STARTTLS. A client "from
 * elsewhere" is one bound to another loopback address (127.0.0.x), which Dovecot does not count as
 * its own.
 */
@ExtendWith(ArquillianExtension.class)
class MailSystemHardeningIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        MailSystemHardeningIT.class,
        Processes.class,
        Imap.class,
        MailUsers.class,
        RegistryPerson.class,
        Smtp.class);
  }

  @Inject CredentialService credentials;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject DoveadmClient doveadm;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static Path stack() {
    return Path.of(Settings.get("postroom.e2e.stack.dir").orElseThrow());
  }

  @Test
  void dovecotAsConfiguredRequiresTlsAndLimitsTheMasterUser() throws Exception {
    List<String> values =
        Processes.run(
                "/usr/bin/doveconf",
                "-c",
                stack().resolve("dovecot/dovecot.conf").toString(),
                "-h",
                "ssl",
                "disable_plaintext_auth",
                "ssl_min_protocol",
                "service/doveadm/inet_listener/http/ssl")
            .lines()
            .toList();
    assertEquals(List.of("required", "yes", "TLSv1.2", "yes"), values);
    String masterUsers = Files.readString(stack().resolve("dovecot/master-users"));
    assertTrue(
        masterUsers.lines().anyMatch(l -> l.endsWith("::::::allow_nets=127.0.0.1/32")),
        masterUsers);
    String sql = Files.readString(stack().resolve("dovecot/dovecot-sql.conf.ext"));
    assertTrue(sql.contains("sslmode=verify-full sslrootcert="), sql);
  }

  @Test
  void aPlaintextLoginBeforeStartTlsIsRefusedAndTheSameLoginInsideTlsSucceeds() throws Exception {
    MailUsers people = MailUsers.create("tls", 1, domains, imports, credentials, hasher, em, tx);
    String login = "a LOGIN " + people.address(0) + " \"" + MailUsers.password() + "\"";
    try (ImapLine imap = ImapLine.from("127.0.0.81")) {
      assertTrue(imap.greeting.contains("LOGINDISABLED"), imap.greeting);
      String refused = imap.command(login);
      assertTrue(refused.startsWith("a NO [PRIVACYREQUIRED]"), refused);
      assertTrue(imap.command("b STARTTLS").startsWith("b OK"));
      imap.startTls();
      String accepted = imap.command(login);
      assertTrue(accepted.startsWith("a OK"), accepted);
    }
  }

  @Test
  void theMasterUserLogsInOnlyFromPostroomsAddressEvenInsideTls() throws Exception {
    MailUsers people = MailUsers.create("mst", 1, domains, imports, credentials, hasher, em, tx);
    String master =
        people.address(0)
            + "*"
            + Settings.get("postroom.mail.master.user").orElseThrow()
            + " \""
            + Settings.get("postroom.mail.master.password").orElseThrow()
            + "\"";
    try (ImapLine imap = ImapLine.from("127.0.0.82")) {
      assertTrue(imap.command("b STARTTLS").startsWith("b OK"));
      imap.startTls();
      String refused = imap.command("a LOGIN " + master);
      assertTrue(refused.startsWith("a NO"), refused);
    }
    // from Postroom's own address the same login works (Postroom's outbox, Imap.asMaster)
    assertEquals(List.of(), Imap.subjects(people.address(0)));
  }

  @Test
  void doveadmAnswersOnlyOverHttps() throws Exception {
    MailUsers people = MailUsers.create("adm", 1, domains, imports, credentials, hasher, em, tx);
    String quota =
        doveadm.doveadm("[[\"quotaGet\", {\"user\": \"" + people.address(0) + "\"}, \"q\"]]");
    assertTrue(quota.contains("\"doveadmResponse\""), quota);
    String url =
        Settings.get("postroom.mail.doveadm.url").orElseThrow().replace("https://", "http://");
    HttpRequest plain =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[]"))
            .build();
    assertThrows(
        IOException.class,
        () -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()),
        "the API key would travel in the clear");
  }

  @Test
  void theMailServersReadThePortalDatabaseOverTls() throws Exception {
    // Dovecot's auth keeps its connections; a login makes sure it has one
    MailUsers people = MailUsers.create("pgs", 1, domains, imports, credentials, hasher, em, tx);
    Imap.login(people.address(0), MailUsers.password()).close();
    // as the stack's superuser over its local socket: who is connected, with or without TLS
    List<String> connections =
        Processes.run(
                "psql",
                "-h",
                stack().resolve("pg").toString(),
                "-p",
                Settings.get("postroom.e2e.pg.port").orElseThrow(),
                "-U",
                "postgres",
                "-d",
                "postroom",
                "-Atc",
                "select s.ssl from pg_stat_ssl s join pg_stat_activity a on a.pid = s.pid"
                    + " where a.usename = 'postroom_mail'")
            .lines()
            .toList();
    assertTrue(!connections.isEmpty(), "Dovecot is connected");
    assertTrue(connections.stream().allMatch("t"::equals), connections.toString());
  }

  @Test
  void postfixOffersStartTls() throws Exception {
    Assumptions.assumeTrue(Smtp.port().isPresent(), "Postfix runs only as root");
    try (Socket socket = new Socket("127.0.0.1", Smtp.port().get())) {
      socket.setSoTimeout(10_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      in.readLine();
      out.write("EHLO client.postroom.test\r\n".getBytes(StandardCharsets.US_ASCII));
      StringBuilder ehlo = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ehlo.append(line).append('\n');
        if (line.startsWith("250 ")) {
          break;
        }
      }
      assertTrue(ehlo.toString().toUpperCase(Locale.ROOT).contains("STARTTLS"), ehlo.toString());
      out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** A raw IMAP connection from another loopback address, one tagged command at a time. */
  private static final class ImapLine implements AutoCloseable {
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    final String greeting;

    private ImapLine(Socket socket) throws IOException {
      attach(socket);
      greeting = in.readLine();
    }

    static ImapLine from(String localAddress) throws IOException {
      Socket socket = new Socket();
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(
          new InetSocketAddress(
              "127.0.0.1", Integer.parseInt(Settings.get("postroom.mail.imap.port").orElseThrow())),
          5_000);
      socket.setSoTimeout(15_000);
      return new ImapLine(socket);
    }

    private void attach(Socket s) throws IOException {
      socket = s;
      in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      out = s.getOutputStream();
    }

    /** Sends the command and answers its tagged response line. */
    String command(String line) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String tag = line.substring(0, line.indexOf(' ') + 1);
      for (String answer = in.readLine(); answer != null; answer = in.readLine()) {
        if (answer.startsWith(tag)) {
          return answer;
        }
      }
      throw new IOException("no answer to " + tag);
    }

    void startTls() throws IOException {
      SSLSocket tls =
          (SSLSocket)
              Imap.stackTrust()
                  .getSocketFactory()
                  .createSocket(socket, "localhost", socket.getPort(), true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.startHandshake();
      attach(tls);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
