package org.postroom.domain.common;

import java.util.regex.Pattern;

/**
 * Addresses people type for Postroom to deliver to (forward targets, list members, aliases): kept
 * in lower case without surrounding blanks, and accepted only in the plain form every mail server
 * handles — {@code local@domain.tld}, ASCII, no quoting, no comments, no display name, no control
 * character (nothing that could become a second header line or a second address).
 */
public final class MailAddresses {

  public static final int MAX_LENGTH = 254;
  public static final int LOCAL_PART_MAX_LENGTH = 64;

  private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern ADDRESS =
      Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+[a-z]{2,63}");

  private MailAddresses() {}

  /** Lower case without surrounding blanks. */
  public static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    // only ASCII letters are lowered: Unicode case mapping would turn e.g. the Kelvin sign (U+212A)
    // into an ASCII k, and let a look-alike through as a valid address
    StringBuilder lowered = new StringBuilder();
    raw.strip()
        .codePoints()
        .forEach(c -> lowered.appendCodePoint(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return lowered.toString();
  }

  /** Whether a normalized address has the plain form described above. */
  public static boolean isWellFormed(String address) {
    return address != null
        && address.length() <= MAX_LENGTH
        && address.indexOf('@') > 0
        && address.indexOf('@') <= LOCAL_PART_MAX_LENGTH
        && ADDRESS.matcher(address).matches();
  }

  /** The domain of a well-formed address. */
  public static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
