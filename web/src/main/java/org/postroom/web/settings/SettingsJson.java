package org.postroom.web.settings;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.postroom.service.settings.SettingsFile;

/** A settings file as JSON: written readable (indented), read strictly; one shared JSON-B. */
final class SettingsJson {

  /** A settings file is a few kilobytes; anything far larger is no settings file. */
  static final int MAX_BYTES = 256 * 1024;

  private static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().withFormatting(true).withNullValues(true));

  private SettingsJson() {}

  static String write(SettingsFile file) {
    return JSONB.toJson(file);
  }

  /** The file read from {@code bytes}; empty when it is too large or no such JSON. */
  static Optional<SettingsFile> read(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), SettingsFile.class));
    } catch (JsonbException | IllegalArgumentException notJson) {
      return Optional.empty();
    }
  }
}
