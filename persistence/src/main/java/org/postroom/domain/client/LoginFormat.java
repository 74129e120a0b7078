package org.postroom.domain.client;

/** What people type as their login in a mail program. */
public enum LoginFormat {
  /** Their username, in lower case (University A, University D's alumni). */
  USERNAME,
  /** Their full mail address. */
  ADDRESS
}
