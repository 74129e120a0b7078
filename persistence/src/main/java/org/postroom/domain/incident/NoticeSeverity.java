package org.postroom.domain.incident;

/** How much a service notice matters; an outage stays on every page until it ends. */
public enum NoticeSeverity {
  INFORMATION,
  WARNING,
  OUTAGE;

  /** Whether a person may hide the notice for themselves: never an outage. */
  public boolean dismissible() {
    return this != OUTAGE;
  }
}
