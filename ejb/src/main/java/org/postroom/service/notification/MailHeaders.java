package org.postroom.service.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one place where text becomes a mail header. A header value never carries CR, LF or another
 * control character: one could start a new header (header injection). Subjects with them are
 * refused; display names, which come from registries, have them folded into spaces.
 */
public final class MailHeaders {

  private MailHeaders() {}

  public static String requireSafe(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a header value is required");
    }
    if (value.chars().anyMatch(MailHeaders::isControl)) {
      throw new IllegalArgumentException("control characters are not allowed in a header value");
    }
    return value;
  }

  public static String fold(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder folded = new StringBuilder(value.length());
    value.codePoints().forEach(c -> folded.appendCodePoint(isControl(c) ? ' ' : c));
    return folded.toString().strip().replaceAll(" {2,}", " ");
  }

  /** A single bare address (no display name, no list), checked strictly. */
  public static String requireAddress(String address) {
    requireSafe(address);
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (parsed.getPersonal() != null || !parsed.getAddress().equals(address.strip())) {
        throw new IllegalArgumentException("a bare address is required: " + address);
      }
      return parsed.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a mail address: " + address, e);
    }
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
  }
}
