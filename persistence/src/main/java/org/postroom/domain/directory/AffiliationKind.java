package org.postroom.domain.directory;

import org.postroom.domain.account.AccountType;

/** How a person belongs to the institution, for a period. */
public enum AffiliationKind {
  STUDENT,
  STAFF,
  EXTERNAL;

  public AccountType accountType() {
    return AccountType.valueOf(name());
  }
}
