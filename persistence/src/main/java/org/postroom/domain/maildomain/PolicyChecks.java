package org.postroom.domain.maildomain;

import java.util.List;
import org.postroom.domain.common.Violation;

/**
 * The three shapes of a policy value's rule — present, a whole number in a range, a size in MB in a
 * range — each reported at the field of the value, with one message per shape in the UI bundle.
 */
final class PolicyChecks {

  private PolicyChecks() {}

  static void required(List<Violation> found, String field, Object value) {
    if (value == null) {
      found.add(Violation.of(field, "policy.required"));
    }
  }

  static void range(List<Violation> found, String field, long value, long min, long max) {
    if (value < min || value > max) {
      found.add(Violation.of(field, "policy.range", min, max));
    }
  }

  static void megabytes(List<Violation> found, String field, long bytes, long maxMegabytes) {
    if (bytes < MailboxPolicy.MB || bytes > maxMegabytes * MailboxPolicy.MB) {
      found.add(Violation.of(field, "policy.rangeMb", 1L, maxMegabytes));
    }
  }
}
