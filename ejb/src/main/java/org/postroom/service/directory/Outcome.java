package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;

/** What happened to one record. */
public record Outcome(Kind kind, String key, List<String> args) implements Serializable {

  public enum Kind {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
  }

  static Outcome of(Kind kind) {
    return new Outcome(kind, null, List.of());
  }

  static Outcome rejected(String key, String... args) {
    return new Outcome(Kind.REJECTED, key, List.of(args));
  }
}
