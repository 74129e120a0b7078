package org.postroom.service.common;

import java.util.Locale;

/**
 * User text as a JPQL {@code like} pattern, in lower case, with {@code \}, {@code %} and {@code _}
 * escaped (queries say {@code escape '\'}), so that a search for "50%" or "a_b" finds exactly that.
 */
public final class LikePattern {

  private LikePattern() {}

  public static String prefix(String text) {
    return escape(text) + "%";
  }

  public static String suffix(String text) {
    return "%" + escape(text);
  }

  public static String contains(String text) {
    return "%" + escape(text) + "%";
  }

  private static String escape(String text) {
    return text.strip()
        .toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }
}
