package org.postroom.domain.domain;

/** How a domain gives its people their personal address. */
public enum AddressScheme {
  /** initials.infixes.surname, with sequence numbers for duplicates (University A). */
  GENERATED_FROM_NAME,
  /** The login name (University D's alumni, hosting provider E). */
  USERNAME
}
