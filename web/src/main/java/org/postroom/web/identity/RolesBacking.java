package org.postroom.web.identity;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.identity.AccountRoles;
import org.postroom.service.identity.RoleService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.web.common.Messages;

/** Administrators give and take the roles Postroom grants, one account at a time, with a reason. */
@Named
@ViewScoped
public class RolesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "username",
          "roles:username",
          "reason",
          "roles:reason",
          "account",
          "roles:username",
          "domains",
          "roles:domains");

  @Inject RoleService roles;
  @Inject DomainService domainService;

  private String username;
  private String reason;
  private AccountRoles account;
  private List<String> domains = new ArrayList<>();
  private List<String> domainChoices;

  public void show() {
    try {
      account = roles.rolesOf(username);
      domains = startingDomains(account);
    } catch (RuleViolationException refused) {
      account = null;
      Messages.show(refused, FIELDS);
    }
  }

  /** The domains a domain administrator manages, else the account's own domain as a proposal. */
  private static List<String> startingDomains(AccountRoles account) {
    if (!account.administeredDomains().isEmpty()) {
      return new ArrayList<>(account.administeredDomains());
    }
    return account.ownDomain() == null
        ? new ArrayList<>()
        : new ArrayList<>(List.of(account.ownDomain()));
  }

  public void grant(String role) {
    change(() -> roles.grant(account.username(), role, domains, reason), "roles.grantedNow", role);
  }

  public void revoke(String role) {
    change(() -> roles.revoke(account.username(), role, reason), "roles.revokedNow", role);
  }

  private void change(Supplier<AccountRoles> action, String done, String role) {
    try {
      account = action.get();
      reason = null;
      Messages.info(done, account.displayName(), Messages.text("role." + role));
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public List<String> getDomains() {
    return domains;
  }

  public void setDomains(List<String> domains) {
    this.domains = domains == null ? new ArrayList<>() : new ArrayList<>(domains);
  }

  /** Every domain, for choosing those a domain administrator manages. */
  public List<String> getDomainChoices() {
    if (domainChoices == null) {
      domainChoices = domainService.names();
    }
    return domainChoices;
  }

  public List<String> getGrantable() {
    return Roles.GRANTED;
  }

  public AccountRoles getAccount() {
    return account;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
