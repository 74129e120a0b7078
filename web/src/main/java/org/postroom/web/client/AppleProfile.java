package org.postroom.web.client;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;

/**
 * An Apple configuration profile (.mobileconfig) with one mail account ({@code
 * com.apple.mail.managed}) for an address: the server's preferred IMAP endpoint (POP3 where it has
 * no IMAP) and its preferred SMTP endpoint, the address as login on both. The payloads' UUIDs
 * follow from the address, so that installing the profile again replaces it.
 */
public final class AppleProfile {

  static final String DOCTYPE =
      "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
          + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">";

  private AppleProfile() {}

  public static String plist(ClientSetup setup, String address) {
    return plist(setup, address, java.util.Locale.ROOT);
  }

  /** The profile with its descriptions in {@code language} (one Postroom speaks). */
  public static String plist(ClientSetup setup, String address, java.util.Locale language) {
    ClientSetup.Endpoint incoming =
        setup.of(Protocol.IMAP).isEmpty()
            ? setup.of(Protocol.POP3).get(0)
            : setup.of(Protocol.IMAP).get(0);
    ClientSetup.Endpoint outgoing = setup.of(Protocol.SMTP).get(0);
    String identifier = "org.postroom.mail." + setup.domain();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeDTD(DOCTYPE);
      xml.writeStartElement("plist");
      xml.writeAttribute("version", "1.0");
      xml.writeStartElement("dict");
      key(xml, "PayloadContent");
      xml.writeStartElement("array");
      xml.writeStartElement("dict");
      string(xml, "EmailAccountDescription", address);
      string(
          xml,
          "EmailAccountType",
          incoming.protocol() == Protocol.IMAP ? "EmailTypeIMAP" : "EmailTypePOP");
      string(xml, "EmailAddress", address);
      string(xml, "IncomingMailServerAuthentication", "EmailAuthPassword");
      string(xml, "IncomingMailServerHostName", incoming.host());
      integer(xml, "IncomingMailServerPortNumber", incoming.port());
      bool(xml, "IncomingMailServerUseSSL", incoming.security() != Security.NONE);
      string(xml, "IncomingMailServerUsername", setup.loginFor(address));
      string(xml, "OutgoingMailServerAuthentication", "EmailAuthPassword");
      string(xml, "OutgoingMailServerHostName", outgoing.host());
      integer(xml, "OutgoingMailServerPortNumber", outgoing.port());
      bool(xml, "OutgoingMailServerUseSSL", outgoing.security() != Security.NONE);
      string(xml, "OutgoingMailServerUsername", setup.loginFor(address));
      bool(xml, "OutgoingPasswordSameAsIncomingPassword", true);
      string(
          xml,
          "PayloadDescription",
          org.postroom.web.common.Messages.format(language, "apple.account", address));
      string(xml, "PayloadDisplayName", address);
      string(xml, "PayloadIdentifier", identifier + ".account." + uuid("account", address));
      string(xml, "PayloadType", "com.apple.mail.managed");
      string(xml, "PayloadUUID", uuid("account", address));
      integer(xml, "PayloadVersion", 1);
      xml.writeEndElement();
      xml.writeEndElement();
      string(
          xml,
          "PayloadDescription",
          org.postroom.web.common.Messages.format(language, "apple.settings", address));
      string(
          xml,
          "PayloadDisplayName",
          org.postroom.web.common.Messages.format(language, "apple.displayName", address));
      string(xml, "PayloadIdentifier", identifier + "." + uuid("profile", address));
      string(xml, "PayloadOrganization", setup.domain());
      bool(xml, "PayloadRemovalDisallowed", false);
      string(xml, "PayloadType", "Configuration");
      string(xml, "PayloadUUID", uuid("profile", address));
      integer(xml, "PayloadVersion", 1);
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("profile not written", e);
    }
    return out.toString();
  }

  static String uuid(String what, String address) {
    return UUID.nameUUIDFromBytes((what + ":" + address).getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(java.util.Locale.ROOT);
  }

  private static void key(XMLStreamWriter xml, String key) throws XMLStreamException {
    xml.writeStartElement("key");
    xml.writeCharacters(key);
    xml.writeEndElement();
  }

  private static void string(XMLStreamWriter xml, String key, String value)
      throws XMLStreamException {
    key(xml, key);
    xml.writeStartElement("string");
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static void integer(XMLStreamWriter xml, String key, int value)
      throws XMLStreamException {
    key(xml, key);
    xml.writeStartElement("integer");
    xml.writeCharacters(Integer.toString(value));
    xml.writeEndElement();
  }

  private static void bool(XMLStreamWriter xml, String key, boolean value)
      throws XMLStreamException {
    key(xml, key);
    xml.writeEmptyElement(value ? "true" : "false");
  }
}
