package org.postroom.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postroom.domain.client.Protocol;
import org.postroom.service.client.ClientSetup;
import org.postroom.service.client.ClientSetup.Endpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each reference institution's published settings (PRODUCT.md) through all three formats: every
 * endpoint Thunderbird reads is one the institution publishes, Outlook gets one Protocol per
 * endpoint with the right encryption, and Apple's profile takes the preferred reading and sending
 * endpoints.
 */
class ReferenceInstitutionsTest {

  static Stream<ClientSetup> institutions() {
    return ReferenceSettings.all();
  }

  private static Document parse(String xml, boolean namespaces) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(namespaces);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String endpoint(Endpoint e) {
    return e.host() + ":" + e.port();
  }

  @ParameterizedTest
  @MethodSource("institutions")
  void thunderbirdGetsExactlyThePublishedEndpoints(ClientSetup setup) throws Exception {
    Document document = parse(MozillaAutoconfig.xml(setup), false);
    NodeList hosts = document.getElementsByTagName("hostname");
    NodeList ports = document.getElementsByTagName("port");
    List<String> read =
        java.util.stream.IntStream.range(0, hosts.getLength())
            .mapToObj(i -> hosts.item(i).getTextContent() + ":" + ports.item(i).getTextContent())
            .toList();
    List<String> published =
        Stream.of(Protocol.IMAP, Protocol.POP3, Protocol.SMTP)
            .flatMap(p -> setup.of(p).stream())
            .map(ReferenceInstitutionsTest::endpoint)
            .toList();
    assertEquals(published, read);
  }

  @ParameterizedTest
  @MethodSource("institutions")
  void outlookGetsOneProtocolPerEndpoint(ClientSetup setup) throws Exception {
    Document document = parse(OutlookAutodiscover.xml(setup, "someone@" + setup.domain()), true);
    NodeList protocols =
        document.getElementsByTagNameNS(OutlookAutodiscover.OUTLOOK_NS, "Protocol");
    assertEquals(setup.endpoints().size(), protocols.getLength());
    for (int i = 0; i < protocols.getLength(); i++) {
      Element protocol = (Element) protocols.item(i);
      String encryption =
          protocol
              .getElementsByTagNameNS(OutlookAutodiscover.OUTLOOK_NS, "Encryption")
              .item(0)
              .getTextContent();
      assertTrue(List.of("SSL", "TLS").contains(encryption), encryption);
    }
  }

  @ParameterizedTest
  @MethodSource("institutions")
  void applesProfileTakesThePreferredEndpoints(ClientSetup setup) throws Exception {
    String plist = AppleProfile.plist(setup, "someone@" + setup.domain());
    Endpoint reading =
        setup.of(Protocol.IMAP).isEmpty()
            ? setup.of(Protocol.POP3).get(0)
            : setup.of(Protocol.IMAP).get(0);
    Endpoint sending = setup.of(Protocol.SMTP).get(0);
    parse(plist, false);
    assertTrue(
        plist.contains(
            "<key>IncomingMailServerHostName</key><string>"
                + reading.host()
                + "</string>"
                + "<key>IncomingMailServerPortNumber</key><integer>"
                + reading.port()),
        plist);
    assertTrue(
        plist.contains(
            "<key>OutgoingMailServerHostName</key><string>"
                + sending.host()
                + "</string>"
                + "<key>OutgoingMailServerPortNumber</key><integer>"
                + sending.port()),
        plist);
  }
}
