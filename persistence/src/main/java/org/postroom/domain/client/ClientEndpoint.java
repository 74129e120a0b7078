package org.postroom.domain.client;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postroom.domain.common.Violation;

/**
 * One way a mail program reaches a mail server: protocol, host, port, security, and a note for
 * people (e.g. "port 25 is discouraged"). A server's endpoints of one protocol are in the order of
 * preference.
 */
@Embeddable
public class ClientEndpoint implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int NOTE_MAX = 200;

  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Protocol protocol;

  @Column(nullable = false, length = 253)
  private String host;

  @Column(nullable = false)
  private int port;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Security security;

  @Column(length = NOTE_MAX)
  private String note;

  protected ClientEndpoint() {}

  public ClientEndpoint(Protocol protocol, String host, int port, Security security, String note) {
    this.protocol = protocol;
    this.host = host == null ? null : host.strip().toLowerCase(Locale.ROOT);
    this.port = port;
    this.security = security;
    this.note = note == null || note.isBlank() ? null : note.strip();
  }

  /** Every broken rule, at fields named {@code prefix.host} etc. */
  public List<Violation> violations(String prefix) {
    List<Violation> found = new ArrayList<>();
    if (protocol == null) {
      found.add(Violation.of(prefix + "protocol", "client.protocol.required"));
    }
    if (host == null || !HOST.matcher(host).matches()) {
      found.add(Violation.of(prefix + "host", "client.host.invalid"));
    }
    if (port < 1 || port > 65535) {
      found.add(Violation.of(prefix + "port", "client.port.range"));
    }
    if (security == null) {
      found.add(Violation.of(prefix + "security", "client.security.required"));
    }
    if (note != null
        && (note.length() > NOTE_MAX || note.codePoints().anyMatch(Character::isISOControl))) {
      found.add(Violation.of(prefix + "note", "client.note.invalid", NOTE_MAX));
    }
    return found;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public Security getSecurity() {
    return security;
  }

  public String getNote() {
    return note;
  }
}
