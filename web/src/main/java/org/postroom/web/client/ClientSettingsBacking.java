package org.postroom.web.client;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.client.ClientSettingsAdmin;
import org.postroom.service.client.ClientSetup;
import org.postroom.service.client.DnsRecords;
import org.postroom.web.common.Messages;

/**
 * The administrator's page of a domain's mail servers: what mail programs are told (endpoints in
 * order of preference, login, webmail), one server edited at a time, and the DNS records the domain
 * publishes for autoconfiguration.
 */
@Named
@ViewScoped
public class ClientSettingsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ClientSettingsAdmin clients;

  private String domain;
  private List<ClientSetup> servers = List.of();
  private int position;
  private String name;
  private LoginFormat loginFormat = LoginFormat.ADDRESS;
  private boolean sharedLogin;
  private String webmailUrl;
  private String provisioning;
  private List<String> provisioningKeys = List.of();
  private List<EndpointRow> endpoints = new ArrayList<>();

  /** One endpoint as the form edits it. */
  public static class EndpointRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private Protocol protocol = Protocol.IMAP;
    private String host;
    private Integer port;
    private Security security = Security.SSL;
    private String note;

    EndpointRow() {}

    EndpointRow(Protocol protocol, String host, Integer port, Security security, String note) {
      this.protocol = protocol;
      this.host = host;
      this.port = port;
      this.security = security;
      this.note = note;
    }

    ClientEndpoint endpoint() {
      return new ClientEndpoint(protocol, host, port == null ? 0 : port, security, note);
    }

    public Protocol getProtocol() {
      return protocol;
    }

    public void setProtocol(Protocol protocol) {
      this.protocol = protocol;
    }

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public Integer getPort() {
      return port;
    }

    public void setPort(Integer port) {
      this.port = port;
    }

    public Security getSecurity() {
      return security;
    }

    public void setSecurity(Security security) {
      this.security = security;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }

  public void load() {
    servers = clients.servers(domain);
    provisioningKeys = clients.provisioningKeys(domain);
    if (servers.isEmpty()) {
      addServer();
    } else {
      edit(Math.min(position, servers.size() - 1));
    }
  }

  /** Fills the form with the server at {@code at}. */
  public void edit(int at) {
    ClientSetup server = servers.get(at);
    position = at;
    name = server.serverName();
    loginFormat = server.loginFormat();
    sharedLogin = server.sharedLogin();
    webmailUrl = server.webmailUrl();
    String key = at < provisioningKeys.size() ? provisioningKeys.get(at) : null;
    provisioning = key == null || key.equals(ProvisioningChange.DEFAULT_SERVER) ? null : key;
    endpoints = new ArrayList<>();
    for (ClientSetup.Endpoint e : server.endpoints()) {
      endpoints.add(new EndpointRow(e.protocol(), e.host(), e.port(), e.security(), e.note()));
    }
  }

  /** An empty form for the domain's next server, with the usual two endpoints to fill in. */
  public void addServer() {
    position = servers.size();
    name = null;
    loginFormat = LoginFormat.ADDRESS;
    sharedLogin = false;
    webmailUrl = null;
    provisioning = null;
    endpoints = new ArrayList<>();
    endpoints.add(new EndpointRow(Protocol.IMAP, null, 993, Security.SSL, null));
    endpoints.add(new EndpointRow(Protocol.SMTP, null, 587, Security.STARTTLS, null));
  }

  public void addEndpoint() {
    endpoints.add(new EndpointRow());
  }

  public void removeEndpoint(int index) {
    endpoints.remove(index);
  }

  /** Moves an endpoint one place up: preferred over the one before it. */
  public void up(int index) {
    if (index > 0) {
      endpoints.add(index - 1, endpoints.remove(index));
    }
  }

  public void save() {
    try {
      clients.describe(
          domain,
          position,
          name,
          loginFormat,
          sharedLogin,
          webmailUrl,
          endpoints.stream().map(EndpointRow::endpoint).toList(),
          provisioning);
      Messages.info("clientSettings.saved", name);
      servers = clients.servers(domain);
      provisioningKeys = clients.provisioningKeys(domain);
      // as saved: lower case, "default" as blank
      String saved = provisioningKeys.get(position);
      provisioning = saved.equals(ProvisioningChange.DEFAULT_SERVER) ? null : saved;
    } catch (RuleViolationException refused) {
      Messages.show(refused, fields());
    }
  }

  /** Removes the server being edited (after the confirm) and shows the first one, if any. */
  public void remove() {
    String removed = servers.get(position).serverName();
    try {
      clients.remove(domain, position, removed);
      Messages.info("clientSettings.removed", removed);
      position = 0;
      load();
    } catch (RuleViolationException refused) {
      Messages.show(refused, fields());
    }
  }

  /** Where each field's message goes: the rows' fields by their index. */
  private Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", "server:name");
    fields.put("loginFormat", "server:loginFormat");
    fields.put("webmailUrl", "server:webmailUrl");
    fields.put("provisioning", "server:provisioning");
    for (int i = 0; i < endpoints.size(); i++) {
      for (String field : List.of("protocol", "host", "port", "security", "note")) {
        fields.put("endpoints[" + i + "]." + field, "server:endpoints:" + i + ":" + field);
      }
    }
    return fields;
  }

  /** The records to publish, for the domain's first server and this portal's host name. */
  public List<DnsRecords.Record> getDnsRecords() {
    if (servers.isEmpty()) {
      return List.of();
    }
    String portal = FacesContext.getCurrentInstance().getExternalContext().getRequestServerName();
    return DnsRecords.of(domain, portal, servers.get(0));
  }

  public boolean isNewServer() {
    return position >= servers.size();
  }

  public LoginFormat[] getLoginFormats() {
    return LoginFormat.values();
  }

  public Protocol[] getProtocols() {
    return Protocol.values();
  }

  public Security[] getSecurities() {
    return Security.values();
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public List<ClientSetup> getServers() {
    return servers;
  }

  public int getPosition() {
    return position;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LoginFormat getLoginFormat() {
    return loginFormat;
  }

  public void setLoginFormat(LoginFormat loginFormat) {
    this.loginFormat = loginFormat;
  }

  public boolean isSharedLogin() {
    return sharedLogin;
  }

  public void setSharedLogin(boolean sharedLogin) {
    this.sharedLogin = sharedLogin;
  }

  public String getWebmailUrl() {
    return webmailUrl;
  }

  public void setWebmailUrl(String webmailUrl) {
    this.webmailUrl = webmailUrl;
  }

  public List<EndpointRow> getEndpoints() {
    return endpoints;
  }

  public String getProvisioning() {
    return provisioning;
  }

  public void setProvisioning(String provisioning) {
    this.provisioning = provisioning;
  }

  /**
   * What this node has of the saved server's provisioning settings (null for a server not saved
   * yet).
   */
  public ClientSettingsAdmin.ProvisioningSettings getProvisioningSettings() {
    if (isNewServer()) {
      return null;
    }
    return clients.provisioningSettings(
        position < provisioningKeys.size() ? provisioningKeys.get(position) : null);
  }
}
