package org.postroom.service.common;

/**
 * Where a page of a long list lies from a row the table shows (keyset paging): found as a range of
 * the index that serves the list's order, so that a page deep in the list costs what the first
 * does, instead of counting its way there.
 */
public enum SeekDirection {
  /** The page after the row. */
  AFTER,
  /** The page starting at the row (the same page again). */
  FROM,
  /** The page before the row. */
  BEFORE,
  /** The last page (no row needed). */
  LAST;

  /** Whether the page lies in the list's own order from its row (else it is read backwards). */
  public boolean forward() {
    return this == AFTER || this == FROM;
  }
}
