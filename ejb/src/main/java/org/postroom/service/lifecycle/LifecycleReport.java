package org.postroom.service.lifecycle;

import java.io.Serializable;

/** What one lifecycle run did: accounts moved to each state, mailbox deletions queued. */
public record LifecycleReport(
    int leaving, int reactivated, int closed, int alumni, int deletionsQueued)
    implements Serializable {

  public static final LifecycleReport NOTHING = new LifecycleReport(0, 0, 0, 0, 0);

  LifecycleReport plus(LifecycleReport other) {
    return new LifecycleReport(
        leaving + other.leaving,
        reactivated + other.reactivated,
        closed + other.closed,
        alumni + other.alumni,
        deletionsQueued + other.deletionsQueued);
  }
}
