package org.postroom.domain.maildomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.Violation;

/**
 * The rules for a local part that a person types (a shared mailbox's wanted address, or a personal
 * address where the domain lets its people choose): ASCII letters, digits and dots, starting with a
 * letter, no two dots in a row, none at the end, within the policy's length and number of dots, and
 * none of the service's own role names. Every broken rule is reported at the field {@code
 * localPart}, so that the user can fix them all at once.
 */
public final class LocalPartRules {

  /** RFC 2142 role addresses and names that mislead; never handed out to a person or a group. */
  static final Set<String> RESERVED =
      Set.of(
          "postmaster",
          "abuse",
          "hostmaster",
          "webmaster",
          "root",
          "noreply",
          "security",
          "helpdesk");

  private LocalPartRules() {}

  /**
   * Local parts are case-insensitive: kept and compared in lower case, without surrounding blanks.
   */
  public static String normalize(String raw) {
    return MailAddresses.normalize(raw);
  }

  /** Every rule the local part (normalized or not) breaks; empty when it may be used. */
  public static List<Violation> check(String raw, int maxLength, int maxDots) {
    String localPart = normalize(raw);
    List<Violation> violations = new ArrayList<>();
    if (localPart.isEmpty()) {
      violations.add(Violation.of("localPart", "request.localPart.required"));
      return violations;
    }
    if (localPart.length() > maxLength) {
      violations.add(Violation.of("localPart", "request.localPart.tooLong", maxLength));
    }
    if (!localPart.chars().allMatch(c -> isAsciiLetter(c) || isDigit(c) || c == '.')) {
      violations.add(Violation.of("localPart", "request.localPart.characters"));
    }
    if (!isAsciiLetter(localPart.charAt(0))) {
      violations.add(Violation.of("localPart", "request.localPart.startLetter"));
    }
    long dots = localPart.chars().filter(c -> c == '.').count();
    if (dots > maxDots) {
      violations.add(Violation.of("localPart", "request.localPart.dots", maxDots));
    } else if (localPart.endsWith(".")) {
      violations.add(Violation.of("localPart", "request.localPart.endDot"));
    } else if (localPart.contains("..")) {
      violations.add(Violation.of("localPart", "request.localPart.doubleDot"));
    }
    if (RESERVED.contains(localPart)) {
      violations.add(Violation.of("localPart", "request.localPart.reserved"));
    }
    return violations;
  }

  private static boolean isAsciiLetter(int c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
