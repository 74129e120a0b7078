package org.postroom.service.quota;

import java.io.Serializable;

/**
 * What a quota scan did: mailboxes read, those the mail server could not answer for, and how long
 * it took; {@code skipped} when no mail server is attached or another node scanned just now.
 */
public record QuotaScanReport(int read, int failed, long millis, boolean skipped)
    implements Serializable {

  static QuotaScanReport skippedRun() {
    return new QuotaScanReport(0, 0, 0, true);
  }
}
