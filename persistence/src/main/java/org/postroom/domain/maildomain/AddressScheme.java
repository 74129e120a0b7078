package org.postroom.domain.maildomain;

/** How a domain gives its people their personal address. */
public enum AddressScheme {
  /** initials.infixes.surname, with sequence numbers for duplicates (University A). */
  GENERATED_FROM_NAME,
  /** The login name (University D's alumni, hosting provider E). */
  USERNAME,
  /**
   * Chosen by the person, once, on their first visit: the account comes without a mailbox, and the
   * person picks a free local part within the domain's rules (a member organisation of hosting
   * provider E, or any domain that lets people pick their name).
   */
  CHOSEN_BY_OWNER
}
