package org.postroom.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  void rendersInTheRecipientsLanguageWithUserTextAsData() {
    OutgoingMail english =
        templates.render(
            "request.rejected",
            Locale.ENGLISH,
            "staff@univ-b.be",
            "Sanne",
            "lab@univ-b.be",
            "Sanne",
            "42",
            "Use a list {0} 'quoted' \\ ${x}");
    assertEquals("Request for lab@univ-b.be not approved", english.subject());
    assertTrue(english.body().contains("Use a list {0} 'quoted' \\ ${x}"), english.body());
    assertTrue(english.body().contains("request number 42"), english.body());

    OutgoingMail dutch =
        templates.render(
            "request.rejected",
            Locale.forLanguageTag("nl"),
            "staff@univ-b.be",
            "Sanne",
            "lab@univ-b.be",
            "Sanne",
            "42",
            "reden");
    assertEquals("Aanvraag voor lab@univ-b.be niet goedgekeurd", dutch.subject());
  }

  @Test
  void aLanguageWithoutTranslationFallsBackToEnglish() {
    OutgoingMail mail =
        templates.render(
            "request.submitted",
            Locale.forLanguageTag("fr"),
            "a@b.example",
            "A",
            "x@univ-b.be",
            "A",
            "1",
            "  - A (a)");
    assertEquals("Request received: shared mailbox x@univ-b.be", mail.subject());
  }

  @Test
  void theNewMemberIsToldTheSharedAddressLoginOnlyWhereTheServerAllowsIt() {
    Map<String, String> logins =
        Map.of(
            "en", "log in with",
            "nl", "meld je aan met",
            "de", "Melden Sie sich mit",
            "nb", "logg inn med");
    for (Map.Entry<String, String> language : logins.entrySet()) {
      Locale locale = Locale.forLanguageTag(language.getKey());
      String login = language.getValue();
      String with = added(locale, 1);
      String without = added(locale, 0);
      assertTrue(with.contains(login + " team@univ-b.be"), with);
      assertFalse(without.contains(login), without);
      assertTrue(without.contains("shared/team@univ-b.be"), without);
      assertFalse(with.contains("{") || without.contains("{"), "every argument filled in");
    }
  }

  private String added(Locale locale, int sharedLogin) {
    return templates
        .render(
            "sharedMailbox.memberAdded",
            locale,
            "ingrid@univ-b.be",
            "Ingrid",
            "team@univ-b.be",
            "Ingrid",
            sharedLogin)
        .body();
  }

  @Test
  void everyLanguageHasEveryTemplate() {
    Set<String> english = keys(Locale.ROOT);
    for (String language : List.of("nl", "de", "nb")) {
      assertEquals(english, keys(Locale.forLanguageTag(language)), language);
    }
  }

  private static Set<String> keys(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            MailTemplates.BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new TreeSet<>(Collections.list(bundle.getKeys()));
  }
}
