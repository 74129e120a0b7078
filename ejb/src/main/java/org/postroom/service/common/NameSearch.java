package org.postroom.service.common;

import jakarta.persistence.TypedQuery;
import org.postroom.domain.account.FoldedName;

/**
 * Finding people by their name as the helpdesk hears it: without accents ("muller" finds Müller),
 * spaces, hyphens, dots or apostrophes ("devries" and "de vries" find Sanne de Vries). Accounts
 * keep their name folded ({@link FoldedName}, column {@code search_name}), and the typed text is
 * folded alike, so a search is a {@code like} on that one column and lists still page in the
 * database.
 */
public final class NameSearch {

  private NameSearch() {}

  /**
   * The JPQL condition that {@code path} (a folded name) matches the text bound by {@link #bind}.
   */
  public static String matches(String path) {
    return path + " like :folded escape '\\'";
  }

  /** Binds the text for {@link #matches}; blank text matches every name. */
  public static void bind(TypedQuery<?> query, String text) {
    String folded = text == null ? "" : fold(text);
    query.setParameter("folded", folded.isEmpty() ? "%" : LikePattern.contains(folded));
  }

  /** The text as names are folded: lower case, no accents, no separators. */
  public static String fold(String text) {
    return FoldedName.fold(text);
  }
}
