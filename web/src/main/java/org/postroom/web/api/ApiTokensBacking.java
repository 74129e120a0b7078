package org.postroom.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.postroom.domain.api.ApiScope;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.api.ApiTokenRow;
import org.postroom.service.api.ApiTokenService;
import org.postroom.web.common.Messages;

/**
 * Administrators make the keys of the systems that call /api, see when each was last used, and
 * revoke them. A new token's secret is shown on this view once and is then gone.
 */
@Named
@ViewScoped
public class ApiTokensBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of("name", "create:name", "scope", "create:scope", "expires", "create:expires");

  @Inject ApiTokenService tokens;

  private String name;
  private ApiScope scope = ApiScope.REGISTRY;
  private LocalDate expires;
  private String secret;
  private String secretName;
  private List<ApiTokenRow> rows;

  @PostConstruct
  void load() {
    expires = LocalDate.now().plusDays(90);
    rows = tokens.list();
  }

  public void create() {
    try {
      ApiTokenService.Issued issued = tokens.create(name, scope, expires);
      secret = issued.secret();
      secretName = issued.token().name();
      name = null;
      rows = tokens.list();
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public void revoke(long id) {
    try {
      ApiTokenRow revoked = tokens.revoke(id);
      Messages.info("apiTokens.revoked", revoked.name());
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
    rows = tokens.list();
  }

  /** Forgets the secret shown: after "I have copied it" it cannot be shown again. */
  public void forgetSecret() {
    secret = null;
    secretName = null;
  }

  public ApiScope[] getScopes() {
    return ApiScope.values();
  }

  public List<ApiTokenRow> getRows() {
    return rows;
  }

  public String getSecret() {
    return secret;
  }

  public String getSecretName() {
    return secretName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ApiScope getScope() {
    return scope;
  }

  public void setScope(ApiScope scope) {
    this.scope = scope;
  }

  public LocalDate getExpires() {
    return expires;
  }

  public void setExpires(LocalDate expires) {
    this.expires = expires;
  }
}
