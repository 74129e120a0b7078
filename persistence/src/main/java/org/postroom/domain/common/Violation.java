package org.postroom.domain.common;

import java.io.Serializable;
import java.util.List;

/**
 * One broken rule, as a message key of the UI bundle plus its arguments, and the input field it
 * belongs to ({@code null} when it concerns the whole form). Keys, not texts: the page translates
 * them into the user's language.
 */
public record Violation(String field, String key, List<Serializable> args) implements Serializable {

  public Violation {
    args = List.copyOf(args);
  }

  public static Violation of(String field, String key, Serializable... args) {
    return new Violation(field, key, List.of(args));
  }
}
