package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Postroom's public autoconfig file (Mozilla's format) as a mail program fetches and reads it. */
final class Autoconfig {

  /** One server of the file as a program takes it. */
  record Server(String type, String host, int port, String socketType, String username) {

    /** The login the program fills in for the address. */
    String login(String address) {
      return username.replace("%EMAILADDRESS%", address);
    }
  }

  private Autoconfig() {}

  /** The file for an address, over HTTP as a mail program asks for it. */
  static String fetch(String address) throws Exception {
    int http = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + http
                + "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress="
                + address);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  /**
   * What Outlook is told for the address (Autodiscover's plain-old-XML form, POSTed as Outlook
   * does), in the same shape: type in lower case, Outlook's encryption as Mozilla's socket type
   * ({@code TLS} is STARTTLS), the login name with the address in it as the file has it.
   */
  static List<Server> outlook(String address) throws Exception {
    int http = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    String request =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/"
            + "exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>"
            + address
            + "</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/"
            + "autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request>"
            + "</Autodiscover>";
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http + "/autodiscover/autodiscover.xml"))
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(request))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList nodes =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagName("Protocol");
    List<Server> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element protocol = (Element) nodes.item(i);
      String encryption = text(protocol, "Encryption");
      found.add(
          new Server(
              text(protocol, "Type").toLowerCase(java.util.Locale.ROOT),
              text(protocol, "Server"),
              Integer.parseInt(text(protocol, "Port")),
              switch (encryption) {
                case "SSL" -> "SSL";
                case "TLS" -> "STARTTLS";
                default -> "plain";
              },
              text(protocol, "LoginName").replace(address, "%EMAILADDRESS%")));
    }
    return found;
  }

  /** The file's servers of one kind ({@code incomingServer}, {@code outgoingServer}), in order. */
  static List<Server> servers(String xml, String element) throws Exception {
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
}
