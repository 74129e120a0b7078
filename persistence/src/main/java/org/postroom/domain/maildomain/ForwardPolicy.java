package org.postroom.domain.maildomain;

/** Where users of a domain may forward their mail. */
public enum ForwardPolicy {
  NONE,
  /** Only to addresses of the institution's own domains (its domain and alumni domain). */
  INTERNAL,
  ANY
}
