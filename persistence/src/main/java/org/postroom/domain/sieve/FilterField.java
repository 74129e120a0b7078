package org.postroom.domain.sieve;

/** What a filter rule looks at. */
public enum FilterField {
  /** The sender's address (From). */
  FROM,
  /** A recipient's address (To or Cc). */
  TO,
  SUBJECT,
  /** Any header, named by the rule. */
  HEADER,
  /** The message's size: larger than the rule's figure. */
  SIZE_OVER;

  /** Whether the rule compares a text (all but the size). */
  public boolean comparesText() {
    return this != SIZE_OVER;
  }
}
