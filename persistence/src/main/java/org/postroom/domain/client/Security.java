package org.postroom.domain.client;

/** How a connection is protected: TLS from the start, upgraded with STARTTLS, or not at all. */
public enum Security {
  SSL,
  STARTTLS,
  /** Only on a trusted network (a test stack on loopback). */
  NONE
}
