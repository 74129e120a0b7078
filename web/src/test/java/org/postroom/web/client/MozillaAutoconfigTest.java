package org.postroom.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;
import org.postroom.service.client.ClientSetup.Endpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The autoconfiguration file read back as Thunderbird reads it (its {@code readFromXML}): a {@code
 * clientConfig} of version 1.1 with one {@code emailProvider}, and for each server the elements and
 * values Thunderbird accepts, in the order of preference.
 */
class MozillaAutoconfigTest {

  /** University C's published settings: several hosts, every port, notes. */
  private static final ClientSetup UNIVERSITY_C =
      new ClientSetup(
          "univ-c.example",
          "mail.univ-c.example",
          LoginFormat.ADDRESS,
          "https://webmail.univ-c.example/?lang=en&skin=plain",
          List.of(
              new Endpoint(Protocol.IMAP, "imap.univ-c.example", 143, Security.STARTTLS, null),
              new Endpoint(Protocol.IMAP, "imap.univ-c.example", 993, Security.SSL, null),
              new Endpoint(Protocol.POP3, "pop.univ-c.example", 110, Security.STARTTLS, null),
              new Endpoint(Protocol.POP3, "pop.univ-c.example", 995, Security.SSL, null),
              new Endpoint(
                  Protocol.SMTP, "smtp.univ-c.example", 587, Security.STARTTLS, "Preferred"),
              new Endpoint(Protocol.SMTP, "smtp.univ-c.example", 465, Security.SSL, null),
              new Endpoint(
                  Protocol.SMTP, "mx.univ-c.example", 25, Security.STARTTLS, "<Discouraged>")));

  /** Hosting provider E: SSL only, no webmail given here. */
  private static final ClientSetup PROVIDER_E =
      new ClientSetup(
          "member-e.example",
          "mail2.provider-e.example",
          LoginFormat.ADDRESS,
          null,
          List.of(
              new Endpoint(Protocol.IMAP, "mail2.provider-e.example", 993, Security.SSL, null),
              new Endpoint(Protocol.POP3, "mail2.provider-e.example", 995, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "mail2.provider-e.example", 465, Security.SSL, null)));

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(1, found.size(), name + " once in " + parent.getTagName());
    return found.get(0).getTextContent();
  }

  /** One server as Thunderbird takes it: type:host:port:socketType:username:authentication. */
  private static String server(Element server) {
    String socketType = text(server, "socketType");
    assertTrue(Set.of("plain", "SSL", "STARTTLS").contains(socketType), socketType);
    String authentication = text(server, "authentication");
    assertTrue(
        Set.of("password-cleartext", "password-encrypted", "OAuth2").contains(authentication));
    int port = Integer.parseInt(text(server, "port"));
    assertTrue(port > 0 && port < 65536);
    return String.join(
        ":",
        server.getAttribute("type"),
        text(server, "hostname"),
        Integer.toString(port),
        socketType,
        text(server, "username"));
  }

  private static Element provider(Document document) {
    Element root = document.getDocumentElement();
    assertEquals("clientConfig", root.getTagName());
    assertEquals("1.1", root.getAttribute("version"));
    List<Element> providers = children(root, "emailProvider");
    assertEquals(1, providers.size());
    return providers.get(0);
  }

  @Test
  void everyEndpointIsAServerInTheOrderOfPreference() throws Exception {
    Document document = parse(MozillaAutoconfig.xml(UNIVERSITY_C));
    Element provider = provider(document);
    assertEquals("univ-c.example", provider.getAttribute("id"));
    assertEquals("univ-c.example", text(provider, "domain"));
    assertEquals(
        List.of(
            "imap:imap.univ-c.example:143:STARTTLS:%EMAILADDRESS%",
            "imap:imap.univ-c.example:993:SSL:%EMAILADDRESS%",
            "pop3:pop.univ-c.example:110:STARTTLS:%EMAILADDRESS%",
            "pop3:pop.univ-c.example:995:SSL:%EMAILADDRESS%"),
        children(provider, "incomingServer").stream().map(MozillaAutoconfigTest::server).toList());
    assertEquals(
        List.of(
            "smtp:smtp.univ-c.example:587:STARTTLS:%EMAILADDRESS%",
            "smtp:smtp.univ-c.example:465:SSL:%EMAILADDRESS%",
            "smtp:mx.univ-c.example:25:STARTTLS:%EMAILADDRESS%"),
        children(provider, "outgoingServer").stream().map(MozillaAutoconfigTest::server).toList());
    Element webMail = children(document.getDocumentElement(), "webMail").get(0);
    assertEquals(
        "https://webmail.univ-c.example/?lang=en&skin=plain",
        children(webMail, "loginPage").get(0).getAttribute("url"),
        "the URL is escaped and read back as it was");
  }

  @Test
  void aServerWithSslOnlyAndNoWebmail() throws Exception {
    Document document = parse(MozillaAutoconfig.xml(PROVIDER_E));
    Element provider = provider(document);
    assertEquals(
        List.of(
            "imap:mail2.provider-e.example:993:SSL:%EMAILADDRESS%",
            "pop3:mail2.provider-e.example:995:SSL:%EMAILADDRESS%"),
        children(provider, "incomingServer").stream().map(MozillaAutoconfigTest::server).toList());
    assertEquals(0, children(document.getDocumentElement(), "webMail").size());
    assertEquals("plain", MozillaAutoconfig.socketType(Security.NONE));
  }
}
