package org.postroom.domain.incident;

/**
 * The parts of the service an incident can concern (a notice names them) and an administrator can
 * freeze per domain.
 */
public enum Feature {
  FORWARDING,
  VACATION,
  FILTERS,
  PASSWORD,
  QUOTA,
  REQUESTS,
  REGISTRY_IMPORT
}
