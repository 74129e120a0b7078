package org.postroom.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text has a translation, and every key the pages and the rules use exists. */
class MessagesBundleTest {

  private static final String BUNDLE = "org.postroom.web.i18n.messages";

  private static Set<String> keys(Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new TreeSet<>(Collections.list(bundle.getKeys()));
  }

  @Test
  void dutchHasEveryEnglishText() {
    assertEquals(keys(Locale.ROOT), keys(Locale.forLanguageTag("nl")));
  }

  @Test
  void everyKeyUsedInPagesAndRulesExists() throws IOException {
    Set<String> defined = keys(Locale.ROOT);
    Set<String> used = new TreeSet<>();
    Pattern inPages = Pattern.compile("i18n\\['([a-zA-Z.]+)'\\]");
    Pattern inJava = Pattern.compile("\"((?:request|login|account|error)\\.[a-zA-Z.]+)\"");
    try (Stream<Path> files = Stream.concat(
        Files.walk(Path.of("src/main/webapp")), Files.walk(Path.of("../persistence/src/main/java")))) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          Matcher matcher = (file.toString().endsWith(".java") ? inJava : inPages).matcher(Files.readString(file));
          while (matcher.find()) {
            used.add(matcher.group(1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    try (Stream<Path> files = Files.walk(Path.of("../ejb/src/main/java"))) {
      files.filter(f -> f.toString().endsWith("Service.java")).forEach(file -> {
        try {
          Matcher matcher = inJava.matcher(Files.readString(file));
          while (matcher.find()) {
            used.add(matcher.group(1));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    used.removeIf(key -> key.endsWith("."));
    assertTrue(used.size() > 40, "found only " + used);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(defined);
    assertEquals(Set.of(), missing);
  }
}
