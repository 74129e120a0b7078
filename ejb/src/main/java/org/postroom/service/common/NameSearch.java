package org.postroom.service.common;

import jakarta.persistence.TypedQuery;
import java.util.Locale;

/**
 * Finding people by their name as the helpdesk hears it: without accents ("muller" finds Müller),
 * spaces, hyphens, dots or apostrophes ("devries" and "de vries" find Sanne de Vries). The stored
 * name and the typed text are folded alike, the stored one by the database's {@code translate} (H2
 * and PostgreSQL both drop the characters that have no counterpart), so lists still page in the
 * database.
 */
public final class NameSearch {

  /** Folded characters: to their plain letter, the separators to a space, which is then dropped. */
  static final String FROM = "àáâãäåāăąæçćčďèéêëēėęěìíîïīįıłñńňòóôõöøōőŕřśšşßťùúûüūůűųýÿžźż -.'’";

  static final String TO =
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

  private NameSearch() {}

  /** The JPQL condition that {@code path} (a name) matches the text bound by {@link #bind}. */
  public static String matches(String path) {
    // the cast tells Hibernate the function's type, which it does not know; H2's translate keeps
    // what has no counterpart (PostgreSQL's drops it), so the separators become spaces, then go
    return "cast(function('replace', function('translate', lower("
        + path
        + "), :foldFrom, :foldTo), ' ', '') as String) like :folded escape '\\'";
  }

  /** Binds the text for {@link #matches}; blank text matches every name. */
  public static void bind(TypedQuery<?> query, String text) {
    String folded = text == null ? "" : fold(text);
    query.setParameter("foldFrom", FROM);
    query.setParameter("foldTo", TO);
    query.setParameter("folded", folded.isEmpty() ? "%" : LikePattern.contains(folded));
  }

  /** The text as the database folds names: lower case, no accents, no separators. */
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
