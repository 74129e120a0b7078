package org.postroom.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;
import org.postroom.service.client.ClientSetup.Endpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Outlook's plain-old-XML Autodiscover: a request as Outlook sends it, and the response read back
 * the way Outlook reads it (namespaces of the 2006 and 2006a schemas, one Protocol per endpoint).
 */
class OutlookAutodiscoverTest {

  /** What Outlook posts (captured form, as Microsoft documents it). */
  static final String OUTLOOK_REQUEST =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
          + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/"
          + "requestschema/2006\">\r\n  <Request>\r\n    <EMailAddress>Ann.Smith@univ-b.be"
          + "</EMailAddress>\r\n    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/"
          + "autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>\r\n  </Request>\r\n"
          + "</Autodiscover>";

  private static final ClientSetup UNIVERSITY_B =
      new ClientSetup(
          "univ-b.be",
          "mail.univ-b.be",
          LoginFormat.ADDRESS,
          true,
          null,
          List.of(
              new Endpoint(Protocol.IMAP, "imap.univ-b.be", 143, Security.STARTTLS, null),
              new Endpoint(Protocol.POP3, "pop.univ-b.be", 995, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "smtp.univ-b.be", 587, Security.STARTTLS, null)));

  @Test
  void theRequestedAddressIsReadFromOutlooksRequest() {
    assertEquals(
        "Ann.Smith@univ-b.be",
        OutlookAutodiscover.requestedAddress(OUTLOOK_REQUEST.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void whatIsNoRequestIsRefusedAndEntitiesAreNeverRead() {
    String entity =
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>";
    for (String bad : List.of(entity, "not xml", "<Autodiscover/>", "")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> OutlookAutodiscover.requestedAddress(bad.getBytes(StandardCharsets.UTF_8)),
          bad);
    }
  }

  @Test
  void theResponseListsEachEndpointAsOutlookReadsIt() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    OutlookAutodiscover.xml(UNIVERSITY_B, "ann.smith@univ-b.be")
                        .getBytes(StandardCharsets.UTF_8)));
    Element root = document.getDocumentElement();
    assertEquals(OutlookAutodiscover.RESPONSE_NS, root.getNamespaceURI());
    assertEquals("Autodiscover", root.getLocalName());
    NodeList accounts = document.getElementsByTagNameNS(OutlookAutodiscover.OUTLOOK_NS, "Account");
    assertEquals(1, accounts.getLength());
    Element account = (Element) accounts.item(0);
    assertEquals("email", value(account, "AccountType"));
    assertEquals("settings", value(account, "Action"));
    NodeList protocols = account.getElementsByTagNameNS(OutlookAutodiscover.OUTLOOK_NS, "Protocol");
    List<String> read = new ArrayList<>();
    for (int i = 0; i < protocols.getLength(); i++) {
      Element p = (Element) protocols.item(i);
      read.add(
          String.join(
              ":",
              value(p, "Type"),
              value(p, "Server"),
              value(p, "Port"),
              value(p, "SSL"),
              value(p, "Encryption"),
              value(p, "LoginName"),
              value(p, "AuthRequired")));
    }
    assertEquals(
        List.of(
            "IMAP:imap.univ-b.be:143:on:TLS:ann.smith@univ-b.be:on",
            "POP3:pop.univ-b.be:995:on:SSL:ann.smith@univ-b.be:on",
            "SMTP:smtp.univ-b.be:587:on:TLS:ann.smith@univ-b.be:on"),
        read);
    assertEquals("None", OutlookAutodiscover.encryption(Security.NONE));
  }

  private static String value(Element parent, String name) {
    NodeList found = parent.getElementsByTagNameNS(OutlookAutodiscover.OUTLOOK_NS, name);
    assertEquals(1, found.getLength(), name);
    return found.item(0).getTextContent();
  }

  @Test
  void alumniLogInWithTheirUsernameWithoutTheDomain() {
    String xml =
        OutlookAutodiscover.xml(ReferenceSettings.UNIVERSITY_D_ALUMNI, "ola@alumni.univ-d.no");
    assertTrue(xml.contains("<LoginName>ola</LoginName>"), xml);
    assertFalse(xml.contains("<LoginName>ola@"), xml);
  }
}
