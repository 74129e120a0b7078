package org.postroom.domain.sieve;

/** How a filter rule compares a text: both ignore the case of ASCII letters, as Sieve does. */
public enum FilterMatch {
  CONTAINS,
  IS
}
