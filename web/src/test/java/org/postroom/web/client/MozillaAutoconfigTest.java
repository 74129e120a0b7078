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
import org.postroom.domain.client.Security;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The autoconfiguration file read back as Thunderbird reads it (its {@code readFromXML}): a {@code
 * clientConfig} of version 1.1 with one {@code emailProvider}, and for each server the elements and
 * values Thunderbird accepts, in the order of preference.
 */
class MozillaAutoconfigTest {

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
    Document document = parse(MozillaAutoconfig.xml(ReferenceSettings.UNIVERSITY_C));
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
    Document document = parse(MozillaAutoconfig.xml(ReferenceSettings.PROVIDER_E_SECOND));
    Element provider = provider(document);
    assertEquals(
        List.of(
            "imap:mail2.provider-e.example:993:SSL:%EMAILADDRESS%",
            "pop3:mail2.provider-e.example:995:SSL:%EMAILADDRESS%"),
        children(provider, "incomingServer").stream().map(MozillaAutoconfigTest::server).toList());
    assertEquals(0, children(document.getDocumentElement(), "webMail").size());
    assertEquals("plain", MozillaAutoconfig.socketType(Security.NONE));
  }

  /**
   * University D publishes "username without @alumni.univ-d.no": every alumni address is the
   * username at that domain, so Thunderbird is told the address's local part. University A's
   * usernames are not its generated addresses' local parts, so there the address stays the login.
   */
  @Test
  void theLoginIsTheLocalPartWhereTheDomainsAddressesAreItsUsernames() throws Exception {
    Element alumni = provider(parse(MozillaAutoconfig.xml(ReferenceSettings.UNIVERSITY_D_ALUMNI)));
    assertEquals(
        List.of("imap:imap.alumni.univ-d.no:993:SSL:%EMAILLOCALPART%"),
        children(alumni, "incomingServer").stream().map(MozillaAutoconfigTest::server).toList());
    assertEquals(
        List.of("smtp:smtp.alumni.univ-d.no:587:STARTTLS:%EMAILLOCALPART%"),
        children(alumni, "outgoingServer").stream().map(MozillaAutoconfigTest::server).toList());
    Element universityA = provider(parse(MozillaAutoconfig.xml(ReferenceSettings.UNIVERSITY_A)));
    assertTrue(
        children(universityA, "incomingServer").stream()
            .map(MozillaAutoconfigTest::server)
            .allMatch(server -> server.endsWith(":%EMAILADDRESS%")));
    assertEquals("ola", ReferenceSettings.UNIVERSITY_D_ALUMNI.loginFor("ola@alumni.univ-d.no"));
    assertEquals(
        "j.de.groot@umail.example-a.nl",
        ReferenceSettings.UNIVERSITY_A.loginFor("j.de.groot@umail.example-a.nl"));
  }

  @Test
  void theDocumentationLinkLeadsToTheDomainsGuideDescribedInEveryLanguage() throws Exception {
    Element provider =
        provider(
            parse(
                MozillaAutoconfig.xml(
                    ReferenceSettings.UNIVERSITY_D_ALUMNI,
                    "https://portal.univ-d.no/help/guide.xhtml?domain=alumni.univ-d.no",
                    AutoconfigServlet.GUIDE_DESCRIPTIONS)));
    List<Element> documentation = children(provider, "documentation");
    assertEquals(1, documentation.size());
    assertEquals(
        "https://portal.univ-d.no/help/guide.xhtml?domain=alumni.univ-d.no",
        documentation.get(0).getAttribute("url"));
    List<String> described =
        children(documentation.get(0), "descr").stream()
            .map(d -> d.getAttribute("lang") + ": " + d.getTextContent())
            .toList();
    assertEquals(
        List.of(
            "en: Settings and help for your mail program",
            "nl: Instellingen en hulp voor je e-mailprogramma",
            "de: Einstellungen und Hilfe für Ihr Mailprogramm",
            "nb: Innstillinger og hjelp for e-postprogrammet ditt"),
        described);
  }
}
