package org.postroom.domain.account;

/** Where an account is in its life. */
public enum AccountState {
  ACTIVE,
  SUSPENDED,
  /** Every affiliation ended; the account works for the domain's grace period. */
  LEAVING,
  ALUMNI,
  CLOSED
}
