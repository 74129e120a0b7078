package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.client.ClientConfigService;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.domain.DomainService;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
        ClientSetupIT.class, Imap.class, Smtp.class, MailUsers.class, RegistryPerson.class);
  }

  @Inject CredentialService credentials;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject ClientConfigService clients;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  /** One server of the autoconfig file as a program takes it. */
  record Server(String type, String host, int port, String socketType, String username) {}

  private static List<Server> servers(String xml, String element) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList nodes =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagName(element);
    List<Server> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element server = (Element) nodes.item(i);
      found.add(
          new Server(
              server.getAttribute("type"),
              text(server, "hostname"),
              Integer.parseInt(text(server, "port")),
              text(server, "socketType"),
              text(server, "username")));
    }
    return found;
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent();
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
                null,
                List.of(
                    new ClientEndpoint(Protocol.IMAP, "127.0.0.1", imapPort, Security.NONE, null),
                    new ClientEndpoint(
                        Protocol.SMTP, "127.0.0.1", smtpPort, Security.NONE, "loopback"))));

    int http = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + http
                + "/.well-known/autoconfig/mail/config-v1.1.xml"
                + "?emailaddress="
                + address);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    List<Server> incoming = servers(answer.body(), "incomingServer");
    List<Server> outgoing = servers(answer.body(), "outgoingServer");
    assertEquals(1, incoming.size(), answer.body());
    Server imap = incoming.get(0);
    assertEquals("imap", imap.type());
    assertEquals("plain", imap.socketType());
    String login = imap.username().replace("%EMAILADDRESS%", address);

    Properties settings = new Properties();
    settings.put("mail.imap.connectiontimeout", "5000");
    settings.put("mail.imap.timeout", "10000");
    settings.put("mail.imap.starttls.enable", "false");
    Session session = Session.getInstance(settings);
    try (Store store = session.getStore("imap")) {
      store.connect(imap.host(), imap.port(), login, MailUsers.password());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertTrue(inbox.exists());
      inbox.close(false);
    }

    if (Smtp.port().isPresent()) {
      Server smtp = outgoing.get(0);
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
}
