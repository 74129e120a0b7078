package org.postroom.service.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.common.Violation;
import org.postroom.service.notification.MailHeaders;

/**
 * What a password of Postroom's (alumni, reset links, changing one's own) must be: at least the
 * domain's minimum ({@link #MIN_LENGTH} or more) and at most 128 characters, neither the username
 * nor containing it, typed the same twice ({@link PasswordPolicy} adds the guessability check).
 * Also the one check of a recovery or contact address.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private PasswordRules() {}

  public static List<Violation> check(
      int minLength, String username, String password, String repeat) {
    List<Violation> found = new ArrayList<>();
    String pw = password == null ? "" : password;
    int shortest = Math.max(MIN_LENGTH, minLength);
    if (pw.codePointCount(0, pw.length()) < shortest) {
      found.add(Violation.of("password", "password.tooShort", shortest));
    } else if (pw.length() > MAX_LENGTH) {
      found.add(Violation.of("password", "password.tooLong", MAX_LENGTH));
    } else if (username != null
        && pw.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      found.add(Violation.of("password", "password.containsUsername"));
    }
    if (!pw.equals(repeat)) {
      found.add(Violation.of("repeat", "password.mismatch"));
    }
    return found;
  }

  /** Whether the text is one plain mail address (no name, no list, no line breaks). */
  public static boolean isAddress(String text) {
    try {
      MailHeaders.requireAddress(text);
      return text.strip().indexOf('@') > 0 && text.strip().lastIndexOf('.') > text.indexOf('@');
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
