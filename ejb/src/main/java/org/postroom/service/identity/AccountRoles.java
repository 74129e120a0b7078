package org.postroom.service.identity;

import java.io.Serializable;
import java.util.List;
import org.postroom.domain.account.AccountState;

/** An account as the roles page shows it: who it is and the granted roles it holds. */
public record AccountRoles(
    String username, String displayName, AccountState state, List<String> granted)
    implements Serializable {

  public AccountRoles {
    granted = List.copyOf(granted);
  }

  /** Whether granted roles can be given: only to an active account. */
  public boolean grantable() {
    return state == AccountState.ACTIVE;
  }
}
