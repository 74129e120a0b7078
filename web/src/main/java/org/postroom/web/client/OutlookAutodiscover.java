package org.postroom.web.client;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Outlook's Autodiscover in its plain-old-XML form (the request and response schemas of 2006 and
 * 2006a, as Outlook 2007 and later send and read them) for IMAP, POP3 and SMTP accounts: the
 * request names an address, the response lists the server's endpoints, the preferred first, with
 * the address as login name (Postroom's mail servers take it for every account).
 */
public final class OutlookAutodiscover {

  static final String REQUEST_NS =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
  static final String RESPONSE_NS =
      "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
  static final String OUTLOOK_NS =
      "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

  /** Requests are a few hundred bytes; anything much larger is not one. */
  static final int REQUEST_MAX = 16 * 1024;

  private OutlookAutodiscover() {}

  /**
   * The address a request asks for; {@link IllegalArgumentException} for what is no such request
   * (not XML, a DOCTYPE, no EMailAddress).
   */
  public static String requestedAddress(byte[] request) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(request));
      NodeList addresses = document.getElementsByTagNameNS("*", "EMailAddress");
      if (addresses.getLength() != 1) {
        throw new IllegalArgumentException("no EMailAddress");
      }
      return addresses.item(0).getTextContent().strip();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not an Autodiscover request", e);
    }
  }

  public static String xml(ClientSetup setup, String address) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Autodiscover");
      xml.writeDefaultNamespace(RESPONSE_NS);
      xml.writeStartElement("Response");
      xml.writeDefaultNamespace(OUTLOOK_NS);
      xml.writeStartElement("Account");
      element(xml, "AccountType", "email");
      element(xml, "Action", "settings");
      for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3, Protocol.SMTP)) {
        for (ClientSetup.Endpoint endpoint : setup.of(protocol)) {
          protocol(xml, endpoint, setup.loginFor(address));
        }
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("autodiscover not written", e);
    }
    return out.toString();
  }

  private static void protocol(XMLStreamWriter xml, ClientSetup.Endpoint endpoint, String login)
      throws XMLStreamException {
    xml.writeStartElement("Protocol");
    element(
        xml, "Type", endpoint.protocol() == Protocol.POP3 ? "POP3" : endpoint.protocol().name());
    element(xml, "Server", endpoint.host());
    element(xml, "Port", Integer.toString(endpoint.port()));
    element(xml, "DomainRequired", "off");
    element(xml, "LoginName", login);
    element(xml, "SPA", "off");
    element(xml, "SSL", endpoint.security() == Security.NONE ? "off" : "on");
    element(xml, "Encryption", encryption(endpoint.security()));
    element(xml, "AuthRequired", "on");
    if (endpoint.protocol() == Protocol.SMTP) {
      element(xml, "UsePOPAuth", "off");
      element(xml, "SMTPLast", "off");
    }
    xml.writeEndElement();
  }

  /** Outlook's names: SSL (TLS from the start), TLS (STARTTLS), None. */
  static String encryption(Security security) {
    return switch (security) {
      case SSL -> "SSL";
      case STARTTLS -> "TLS";
      case NONE -> "None";
    };
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
