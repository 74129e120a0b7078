package org.postroom.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.HelpTopic;
import org.postroom.domain.incident.NoticeSeverity;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.service.mailbox.ScriptDelivery;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.mailsystem.MailSystemStatus;
import org.postroom.service.settings.SettingsTransfer;

/** Every text has a translation, and every key the pages and the rules use exists. */
class MessagesBundleTest {

  private static final String BUNDLE = "org.postroom.web.i18n.messages";

  private static Set<String> keys(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new TreeSet<>(Collections.list(bundle.getKeys()));
  }

  private static final Pattern IN_PAGES = Pattern.compile("i18n\\['([a-zA-Z.]+)'\\]");

  /** A quoted dotted name in Java; a text key when its first part starts keys of the bundle. */
  private static final Pattern IN_JAVA = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z]+)+)\"");

  private static void collect(Path root, Predicate<String> fileName, Pattern key, Set<String> into)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> fileName.test(f.toString())).toList()) {
        Matcher matcher = key.matcher(Files.readString(file));
        while (matcher.find()) {
          into.add(matcher.group(1));
        }
      }
    }
  }

  private static final String MAILS = "org.postroom.service.notification.mail";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

  /** The argument numbers a text uses: a translation must use the same ones. */
  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static ResourceBundle bundle(String name, String language) {
    return ResourceBundle.getBundle(
        name,
        language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Every language Postroom speaks has every text of the pages and of the mails, with the same
   * arguments; and no file names a key twice (the second would silently replace the first).
   */
  @Test
  void everyLanguageHasEveryTextWithTheSameArguments() throws IOException {
    assertEquals(List.of("en", "nl", "de", "nb"), MailDomain.LANGUAGES);
    for (String name : List.of(BUNDLE, MAILS)) {
      ResourceBundle english = bundle(name, "en");
      Set<String> englishKeys = new TreeSet<>(Collections.list(english.getKeys()));
      for (String language : MailDomain.LANGUAGES.subList(1, MailDomain.LANGUAGES.size())) {
        ResourceBundle translated = bundle(name, language);
        assertEquals(
            Locale.forLanguageTag(language), translated.getLocale(), name + ": " + language);
        assertEquals(
            englishKeys,
            new TreeSet<>(Collections.list(translated.getKeys())),
            name + " " + language);
        Set<String> differing = new TreeSet<>();
        for (String key : englishKeys) {
          if (!placeholders(english.getString(key))
              .equals(placeholders(translated.getString(key)))) {
            differing.add(key);
          }
        }
        assertEquals(Set.of(), differing, name + " " + language + ": other arguments");
      }
    }
    for (Path file : bundleFiles()) {
      Set<String> seen = new TreeSet<>();
      Set<String> twice = new TreeSet<>();
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
          String key = line.substring(0, line.indexOf('=')).strip();
          if (!seen.add(key)) {
            twice.add(key);
          }
        }
      }
      assertEquals(Set.of(), twice, file + " names keys twice");
    }
  }

  private static List<Path> bundleFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path folder :
        List.of(
            Path.of("src/main/resources/org/postroom/web/i18n"),
            Path.of("../ejb/src/main/resources/org/postroom/service/notification"))) {
      try (Stream<Path> listed = Files.list(folder)) {
        listed.filter(f -> f.toString().endsWith(".properties")).forEach(files::add);
      }
    }
    assertEquals(2 * MailDomain.LANGUAGES.size(), files.size(), files.toString());
    return files;
  }

  @Test
  void everyKeyUsedInPagesAndRulesExists() throws IOException {
    Set<String> defined = keys(Locale.ROOT);
    Set<String> used = new TreeSet<>();
    collect(Path.of("src/main/webapp"), f -> f.endsWith(".xhtml"), IN_PAGES, used);
    collect(Path.of("../persistence/src/main/java"), f -> f.endsWith(".java"), IN_JAVA, used);
    collect(Path.of("../ejb/src/main/java"), f -> f.endsWith(".java"), IN_JAVA, used);
    collect(Path.of("src/main/java"), f -> f.endsWith(".java"), IN_JAVA, used);
    used.removeIf(key -> key.endsWith("."));
    // names of settings, packages and Faces' own messages share the shape of a key: only the first
    // parts that the bundle's own keys start with (Faces' overrides aside) are texts
    Set<String> firstParts = new TreeSet<>();
    defined.forEach(key -> firstParts.add(key.substring(0, key.indexOf('.') + 1)));
    firstParts.remove("jakarta.");
    used.removeIf(key -> !firstParts.contains(key.substring(0, key.indexOf('.') + 1)));
    // the services' names of notification mails are the mail bundle's, not the pages'
    java.util.Properties mails = new java.util.Properties();
    try (var in =
        Files.newInputStream(
            Path.of(
                "../ejb/src/main/resources/org/postroom/service/notification/mail.properties"))) {
      mails.load(in);
    }
    used.removeIf(key -> mails.containsKey(key + ".subject"));
    assertTrue(used.size() > 40, "found only " + used);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(defined);
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyChoiceAndEveryAuditedActionHasALabel() {
    Set<String> defined = keys(Locale.ROOT);
    Set<String> missing = new TreeSet<>();
    Stream.of(
            Stream.of(AddressScheme.values()).map(v -> "addressScheme." + v),
            Stream.of(ForwardPolicy.values()).map(v -> "forwardPolicy." + v),
            Stream.of(SettingsManager.values()).map(v -> "settingsManager." + v),
            Stream.of(ChangeKind.values()).map(v -> "changeKind." + v),
            Stream.of(MailSystemStatus.values()).map(v -> "mailSystem." + v),
            Stream.of(ReconcileRun.State.values()).map(v -> "reconcileState." + v),
            Stream.of(AuditAction.values()).map(v -> "audit." + v),
            Stream.of(NoticeSeverity.values()).map(v -> "noticeSeverity." + v),
            Stream.of(org.postroom.domain.sharedmailbox.RequestKind.values())
                .map(v -> "requestKind." + v),
            Stream.of(org.postroom.domain.address.SendPolicy.values()).map(v -> "sendPolicy." + v),
            Stream.of(Feature.values()).map(v -> "feature." + v),
            // a frozen feature's refusal (FeatureFrozenException builds the key)
            Stream.of(Feature.values()).map(v -> "freeze.refused." + v),
            Stream.of(ScriptDelivery.Status.values()).map(v -> "delivery." + v),
            Stream.of(SettingsTransfer.Part.values()).map(v -> "settings.part." + v),
            Stream.of(HelpTopic.values())
                .flatMap(v -> Stream.of("help.topic." + v, "help.default." + v)),
            MailDomain.LANGUAGES.stream().map(v -> "language." + v),
            new DomainSettings()
                .values().keySet().stream()
                    .filter(f -> !f.equals("version"))
                    .map(f -> "domain.field." + f))
        .flatMap(s -> s)
        .filter(key -> !defined.contains(key))
        .forEach(missing::add);
    assertEquals(Set.of(), missing);
  }
}
