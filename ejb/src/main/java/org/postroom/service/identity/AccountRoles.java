package org.postroom.service.identity;

import java.io.Serializable;
import java.util.List;
import org.postroom.domain.account.AccountState;

/**
 * An account as the roles page shows it: who it is, the granted roles it holds, the domains it
 * manages as domain administrator, and its own domain (null for none).
 */
public record AccountRoles(
    String username,
    String displayName,
    AccountState state,
    List<String> granted,
    List<String> administeredDomains,
    String ownDomain)
    implements Serializable {

  public AccountRoles {
    granted = List.copyOf(granted);
    administeredDomains = List.copyOf(administeredDomains);
  }

  /** The administered domains as one line, for the page. */
  public String administeredDomainsText() {
    return String.join(", ", administeredDomains);
  }

  /** Whether granted roles can be given: only to an active account. */
  public boolean grantable() {
    return state == AccountState.ACTIVE;
  }
}
