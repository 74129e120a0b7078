package org.postroom.service.common;

import java.text.NumberFormat;
import java.util.Locale;

/** Storage sizes as people read them: decimal MB or GB (as quotas are set), in their language. */
public final class Sizes {

  private Sizes() {}

  public static String format(long bytes, Locale locale) {
    NumberFormat number = NumberFormat.getNumberInstance(locale);
    number.setMaximumFractionDigits(1);
    return bytes >= 1_000_000_000L
        ? number.format(bytes / 1e9) + " GB"
        : number.format(bytes / 1e6) + " MB";
  }
}
