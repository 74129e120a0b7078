package org.postroom.service.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The application's own settings: a system property {@code postroom.x.y}, else the environment
 * variable {@code POSTROOM_X_Y}. Secrets come from the environment; nothing is stored in the
 * deployment.
 */
public final class Settings {

  private Settings() {}

  public static Optional<String> get(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
