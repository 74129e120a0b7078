package org.postroom.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

  private static final Pattern ANGLED = Pattern.compile("<([^<>]*)>");

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

  /**
   * The addresses in a pasted text, as people paste them: one per line or separated by commas,
   * semicolons or blanks, also as {@code Name <address>} from an address book. Each item is
   * returned as written (stripped of its angle brackets), well-formed or not, for the caller to
   * check and report; names (quoted, or words beside an address in angle brackets) are dropped.
   */
  public static List<String> splitPasted(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    Matcher angled = ANGLED.matcher(text.replaceAll("\"[^\"]*\"", " "));
    StringBuilder rest = new StringBuilder();
    while (angled.find()) {
      items.add(angled.group(1).strip());
      angled.appendReplacement(rest, " ");
    }
    angled.appendTail(rest);
    for (String item : rest.toString().split("[\\s,;]+")) {
      if (item.contains("@")) {
        items.add(item);
      } else if (!item.isBlank() && !text.contains("<")) {
        // no address-book form: a word without @ is a mistyped address, to be reported
        items.add(item);
      }
    }
    return items;
  }

  /** The domain of a well-formed address. */
  public static String domainOf(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
