package org.postroom.web.maildomain;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.web.common.Messages;

/**
 * One domain's settings for the administrator: a new domain when the URL names none. The page's
 * field ids are the settings' field names, so every rule the service reports lands at its field.
 */
@Named
@ViewScoped
public class DomainBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DomainService domains;

  private String name;
  private DomainSettings settings;
  private List<AuditEntry> history = List.of();
  private List<String> otherDomains;

  /** Loads the domain named in the URL, or a new one's defaults; an unknown name is a 404. */
  public void load() throws IOException {
    if (settings != null) {
      return;
    }
    if (isCreating()) {
      settings = DomainSettings.defaults();
      return;
    }
    try {
      settings = domains.settings(name);
      history = domains.history(name);
    } catch (RuleViolationException unknown) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
    }
  }

  public void save() throws IOException {
    try {
      if (isCreating()) {
        DomainSettings created = domains.create(settings);
        Messages.info("domain.created", created.getName());
        Messages.keepForRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(
            external.getRequestContextPath()
                + "/admin/domain.xhtml?name="
                + URLEncoder.encode(created.getName(), StandardCharsets.UTF_8));
        return;
      }
      long before = settings.getVersion();
      settings = domains.update(name, settings);
      history = domains.history(name);
      Messages.info(settings.getVersion() == before ? "domain.unchanged" : "domain.saved");
    } catch (RuleViolationException refused) {
      Map<String, String> fields = new LinkedHashMap<>();
      settings.values().keySet().forEach(field -> fields.put(field, "domain:" + field));
      Messages.show(refused, fields);
    }
  }

  /** Forgets the edits: shows the settings now in force (also after somebody else's change). */
  public void reload() {
    settings = domains.settings(name);
    history = domains.history(name);
  }

  public boolean isCreating() {
    return name == null || name.isBlank();
  }

  /** The domains this one's people could get alumni addresses in. */
  public List<String> getOtherDomains() {
    if (otherDomains == null) {
      otherDomains = domains.names().stream().filter(n -> !n.equals(name)).toList();
    }
    return otherDomains;
  }

  public List<String> getLanguages() {
    return MailDomain.LANGUAGES;
  }

  public AddressScheme[] getAddressSchemes() {
    return AddressScheme.values();
  }

  public ForwardPolicy[] getForwardPolicies() {
    return ForwardPolicy.values();
  }

  public SettingsManager[] getSettingsManagers() {
    return SettingsManager.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public DomainSettings getSettings() {
    return settings;
  }

  public List<AuditEntry> getHistory() {
    return history;
  }
}
