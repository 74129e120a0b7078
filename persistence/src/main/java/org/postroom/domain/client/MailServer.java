package org.postroom.domain.client;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.provisioning.ProvisioningChange;

/**
 * A mail server of a domain as mail programs see it: its endpoints for reading and sending, the
 * login people type, its webmail. Most domains have one; where accounts live on several servers
 * (hosting provider E), each mailbox names its own, else the domain's first one applies.
 */
@Entity
@Table(name = "mail_server")
public class MailServer implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int NAME_MAX = 100;
  public static final int MAX_ENDPOINTS = 12;
  public static final int PROVISIONING_MAX = 32;

  /** A provisioning key: what an environment variable's name can carry, case aside. */
  private static final Pattern PROVISIONING_KEY =
      Pattern.compile("[a-z][a-z0-9]{0," + (PROVISIONING_MAX - 1) + "}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_server_seq")
  @SequenceGenerator(
      name = "mail_server_seq",
      sequenceName = "mail_server_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "login_format", nullable = false, length = 16)
  private LoginFormat loginFormat;

  @Column(name = "webmail_url", length = 500)
  private String webmailUrl;

  /**
   * Whether members of a shared mailbox on this server may also log in with its address and their
   * own password (University B); the folder shared/&lt;address&gt; works either way. The mail
   * server's {@code checkpassword} passdb reads it from the view {@code mail_shared_passdb}.
   */
  @Column(name = "shared_login", nullable = false)
  private boolean sharedLogin;

  /**
   * The key of the settings Postroom provisions this server through ({@code
   * POSTROOM_MAILSERVER_<KEY>_*}: ManageSieve, IMAP master login, doveadm API); null: the default
   * ones ({@code POSTROOM_MAIL_*}). Two domains' rows may name the same physical server.
   */
  @Column(length = PROVISIONING_MAX)
  private String provisioning;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "client_endpoint", joinColumns = @JoinColumn(name = "server_id"))
  @OrderColumn(name = "position")
  private List<ClientEndpoint> endpoints = new ArrayList<>();

  protected MailServer() {}

  public MailServer(MailDomain domain, int position) {
    this.domain = domain;
    this.position = position;
  }

  /**
   * Sets what mail programs are told; every broken rule is reported at once and nothing changes.
   * Endpoints are kept in the order given, which is the order of preference per protocol.
   */
  public void describe(
      String name,
      LoginFormat loginFormat,
      boolean sharedLogin,
      String webmailUrl,
      List<ClientEndpoint> endpoints) {
    String cleanName = name == null ? "" : name.strip();
    String cleanUrl = webmailUrl == null || webmailUrl.isBlank() ? null : webmailUrl.strip();
    List<Violation> found = new ArrayList<>();
    if (cleanName.isEmpty() || cleanName.length() > NAME_MAX) {
      found.add(Violation.of("name", "client.name.invalid", NAME_MAX));
    }
    if (loginFormat == null) {
      found.add(Violation.of("loginFormat", "client.loginFormat.required"));
    }
    if (cleanUrl != null && !isWebUrl(cleanUrl)) {
      found.add(Violation.of("webmailUrl", "client.webmail.invalid"));
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      found.add(Violation.of(null, "client.endpoints.tooMany", MAX_ENDPOINTS));
    }
    for (int i = 0; i < endpoints.size(); i++) {
      found.addAll(endpoints.get(i).violations("endpoints[" + i + "]."));
    }
    if (endpoints.stream().noneMatch(e -> e.getProtocol() != null && e.getProtocol().incoming())) {
      found.add(Violation.of(null, "client.endpoints.noIncoming"));
    }
    if (endpoints.stream().noneMatch(e -> e.getProtocol() == Protocol.SMTP)) {
      found.add(Violation.of(null, "client.endpoints.noSmtp"));
    }
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    this.name = cleanName;
    this.loginFormat = loginFormat;
    this.sharedLogin = sharedLogin;
    this.webmailUrl = cleanUrl;
    this.endpoints.clear();
    this.endpoints.addAll(endpoints);
  }

  /**
   * Names the settings Postroom provisions this server through: a key of lower-case letters and
   * digits, or blank for the default settings. {@code default} is the default settings' own name.
   */
  public void provisionThrough(String key) {
    String clean = key == null || key.isBlank() ? null : key.strip().toLowerCase(Locale.ROOT);
    if (clean != null && clean.equals(ProvisioningChange.DEFAULT_SERVER)) {
      clean = null;
    }
    if (clean != null && !PROVISIONING_KEY.matcher(clean).matches()) {
      throw new RuleViolationException(
          (Violation.of("provisioning", "client.provisioning.invalid", PROVISIONING_MAX)));
    }
    this.provisioning = clean;
  }

  /** The provisioning key; {@code default} for the default settings. */
  public String provisioningKey() {
    return provisioning == null ? ProvisioningChange.DEFAULT_SERVER : provisioning;
  }

  public String getProvisioning() {
    return provisioning;
  }

  /** Its place among its domain's servers after one before it was removed. */
  public void moveTo(int position) {
    this.position = position;
  }

  private static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && url.length() <= 500;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** The endpoints of a protocol, the preferred first. */
  public List<ClientEndpoint> endpoints(Protocol protocol) {
    return endpoints.stream().filter(e -> e.getProtocol() == protocol).toList();
  }

  public List<ClientEndpoint> getEndpoints() {
    return List.copyOf(endpoints);
  }

  public Long getId() {
    return id;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public String getName() {
    return name;
  }

  public int getPosition() {
    return position;
  }

  public LoginFormat getLoginFormat() {
    return loginFormat;
  }

  public String getWebmailUrl() {
    return webmailUrl;
  }

  public boolean isSharedLogin() {
    return sharedLogin;
  }
}
