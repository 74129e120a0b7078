package org.postroom.domain.account;

import java.util.Locale;

/**
 * A name as the helpdesk hears it: lower case, without accents ("muller" for Müller), spaces,
 * hyphens, dots or apostrophes ("devries" for de Vries). Accounts keep their name folded in a
 * column of its own ({@code search_name}), so that a search by name is a plain {@code like} on one
 * column, not a function over every row.
 */
public final class FoldedName {

  /** Folded characters: to their plain letter, the separators to a space, which is then dropped. */
  public static final String FROM =
      "àáâãäåāăąæçćčďèéêëēėęěìíîïīįıłñńňòóôõöøōőŕřśšşßťùúûüūůűųýÿžźż -.'’";

  public static final String TO =
      "aaaaaaaaaa"
          + "ccc"
          + "d"
          + "eeeeeeee"
          + "iiiiiii"
          + "l"
          + "nnn"
          + "oooooooo"
          + "rr"
          + "ssss"
          + "t"
          + "uuuuuuuu"
          + "yy"
          + "zzz"
          + "     ";

  private FoldedName() {}

  /** The text folded: lower case, no accents, no separators. */
  public static String fold(String text) {
    StringBuilder folded = new StringBuilder();
    for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
      int at = FROM.indexOf(c);
      if (at < 0) {
        folded.append(c);
      } else if (TO.charAt(at) != ' ') {
        folded.append(TO.charAt(at));
      }
    }
    return folded.toString();
  }
}
