package org.postroom.web.client;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;

/**
 * Thunderbird's autoconfiguration file (clientConfig 1.1, as Mozilla's ISPDB serves it) for a
 * domain's server: every IMAP and POP3 endpoint as an incoming server and every SMTP endpoint as an
 * outgoing one, each in order of preference. The login is the address's local part ({@code
 * %EMAILLOCALPART%}) where that is the domain's login (usernames as addresses, University D's
 * alumni), else the full address ({@code %EMAILADDRESS%}), which Postroom's mail servers accept for
 * every account. Either way the file is the same for every address of a server and tells nothing
 * about who exists.
 */
public final class MozillaAutoconfig {

  private MozillaAutoconfig() {}

  public static String xml(ClientSetup setup) {
    return xml(setup, null, java.util.Map.of());
  }

  /**
   * The file, with a {@code documentation} link to {@code helpUrl} (the domain's public guide)
   * described in each language of {@code descriptions} (language → text), when a url is given.
   */
  public static String xml(
      ClientSetup setup, String helpUrl, java.util.Map<String, String> descriptions) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("clientConfig");
      xml.writeAttribute("version", "1.1");
      xml.writeStartElement("emailProvider");
      xml.writeAttribute("id", setup.domain());
      element(xml, "domain", setup.domain());
      element(xml, "displayName", setup.domain() + " (" + setup.serverName() + ")");
      element(xml, "displayShortName", setup.domain());
      for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
        for (ClientSetup.Endpoint endpoint : setup.of(protocol)) {
          server(
              xml,
              "incomingServer",
              protocol.name().toLowerCase(java.util.Locale.ROOT),
              endpoint,
              login(setup));
        }
      }
      for (ClientSetup.Endpoint endpoint : setup.of(Protocol.SMTP)) {
        server(xml, "outgoingServer", "smtp", endpoint, login(setup));
      }
      if (helpUrl != null) {
        xml.writeStartElement("documentation");
        xml.writeAttribute("url", helpUrl);
        for (java.util.Map.Entry<String, String> description : descriptions.entrySet()) {
          xml.writeStartElement("descr");
          xml.writeAttribute("lang", description.getKey());
          xml.writeCharacters(description.getValue());
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      if (setup.webmailUrl() != null) {
        xml.writeStartElement("webMail");
        xml.writeEmptyElement("loginPage");
        xml.writeAttribute("url", setup.webmailUrl());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("autoconfig not written", e);
    }
    return out.toString();
  }

  private static void server(
      XMLStreamWriter xml, String element, String type, ClientSetup.Endpoint endpoint, String login)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("type", type);
    element(xml, "hostname", endpoint.host());
    element(xml, "port", Integer.toString(endpoint.port()));
    element(xml, "socketType", socketType(endpoint.security()));
    element(xml, "authentication", "password-cleartext");
    element(xml, "username", login);
    xml.writeEndElement();
  }

  /** Mozilla's placeholder for the login: the address or its local part. */
  static String login(ClientSetup setup) {
    return setup.localPartIsLogin() ? "%EMAILLOCALPART%" : "%EMAILADDRESS%";
  }

  /** Mozilla's names: SSL (TLS from the start), STARTTLS, plain. */
  static String socketType(Security security) {
    return switch (security) {
      case SSL -> "SSL";
      case STARTTLS -> "STARTTLS";
      case NONE -> "plain";
    };
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
