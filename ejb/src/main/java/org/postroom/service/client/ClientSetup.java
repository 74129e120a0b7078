package org.postroom.service.client;

import java.io.Serializable;
import java.util.List;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;

/**
 * What a mail program needs for one mailbox's server: its endpoints in order of preference, the
 * login people type there, whether members of its shared mailboxes may log in with the shared
 * address, and the webmail.
 */
public record ClientSetup(
    String domain,
    String serverName,
    LoginFormat loginFormat,
    boolean sharedLogin,
    String webmailUrl,
    List<Endpoint> endpoints)
    implements Serializable {

  public ClientSetup {
    endpoints = List.copyOf(endpoints);
  }

  /** One endpoint, as a value. */
  public record Endpoint(Protocol protocol, String host, int port, Security security, String note)
      implements Serializable {}

  static ClientSetup of(MailServer server) {
    return new ClientSetup(
        server.getDomain().getName(),
        server.getName(),
        server.getLoginFormat(),
        server.isSharedLogin(),
        server.getWebmailUrl(),
        server.getEndpoints().stream().map(ClientSetup::endpoint).toList());
  }

  private static Endpoint endpoint(ClientEndpoint e) {
    return new Endpoint(e.getProtocol(), e.getHost(), e.getPort(), e.getSecurity(), e.getNote());
  }

  /** The endpoints of a protocol, the preferred first. */
  public List<Endpoint> of(Protocol protocol) {
    return endpoints.stream().filter(e -> e.protocol() == protocol).toList();
  }

  /**
   * The endpoint a program reads mail from first: the preferred IMAP one, else POP3; null if none.
   */
  public Endpoint preferredIncoming() {
    return endpoints.stream()
        .filter(e -> e.protocol() == Protocol.IMAP)
        .findFirst()
        .or(() -> endpoints.stream().filter(e -> e.protocol() == Protocol.POP3).findFirst())
        .orElse(null);
  }
}
