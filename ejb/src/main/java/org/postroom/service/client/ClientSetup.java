package org.postroom.service.client;

import java.io.Serializable;
import java.util.List;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.domain.maildomain.AddressScheme;

/**
 * What a mail program needs for one mailbox's server: its endpoints in order of preference, the
 * login people type there, whether members of its shared mailboxes may log in with the shared
 * address, and the webmail. {@code localPartIsLogin}: the login is the username and every address
 * of the domain is {@code username@domain} (University D's alumni), so that the part before the @
 * is the login, which autoconfiguration can announce without telling who exists.
 */
public record ClientSetup(
    String domain,
    String serverName,
    LoginFormat loginFormat,
    boolean sharedLogin,
    String webmailUrl,
    List<Endpoint> endpoints,
    boolean localPartIsLogin)
    implements Serializable {

  public ClientSetup {
    endpoints = List.copyOf(endpoints);
  }

  /** A server whose logins are not the addresses' local parts. */
  public ClientSetup(
      String domain,
      String serverName,
      LoginFormat loginFormat,
      boolean sharedLogin,
      String webmailUrl,
      List<Endpoint> endpoints) {
    this(domain, serverName, loginFormat, sharedLogin, webmailUrl, endpoints, false);
  }

  /**
   * The login to type for {@code address}: its local part where that is the login, else the address
   * itself, which Postroom's mail servers accept for every account.
   */
  public String loginFor(String address) {
    return localPartIsLogin ? address.substring(0, address.lastIndexOf('@')) : address;
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
        server.getEndpoints().stream().map(ClientSetup::endpoint).toList(),
        server.getLoginFormat() == LoginFormat.USERNAME
            && server.getDomain().getMailboxPolicy().getAddressScheme() == AddressScheme.USERNAME);
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
