package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main pages in German and in Norwegian (Bokmål), in a real browser: each page's own texts
 * (headings, labels, hints, buttons, menus, empty tables) have no English left. What people and
 * other tests typed (table rows, service notices) is left out of the check; the English function
 * words looked for do not occur in German or Norwegian.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LanguageWalkIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  /** Words every English sentence has and neither German nor Norwegian uses. */
  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(the|and|your|you|with|this|are|has|have|please|been|will|of|is)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The page's own text: without table rows (data), service notices and typed values. */
  private static final String OWN_TEXT =
      "var page = document.querySelector('main').cloneNode(true);"
          + " page.querySelectorAll('.ui-datatable-data tr:not(.ui-datatable-empty-message),"
          + " .pr-service-notice-title, .pr-service-notice-text, .pr-facts dd, script, style')"
          + ".forEach(function (e) { e.remove(); });"
          + " var menu = document.querySelector('#menu');"
          + " return page.innerText + '\\n' + (menu ? menu.textContent : '');";

  private static final List<String> MAIL_PAGES =
      List.of(
          "index.xhtml",
          "mailbox.xhtml",
          "filters.xhtml",
          "setup.xhtml",
          "requests/mine.xhtml",
          "requests/new.xhtml",
          "requests/new-list.xhtml",
          "requests/change-members.xhtml",
          "lists/mine.xhtml",
          "notices.xhtml");

  private static final List<String> STAFF_PAGES =
      List.of(
          "helpdesk/queue.xhtml",
          "helpdesk/accounts.xhtml",
          "helpdesk/help.xhtml",
          "helpdesk/outbox.xhtml",
          "admin/domains.xhtml",
          "admin/domain.xhtml?name=univ-b.be",
          "admin/roles.xhtml",
          "admin/api-tokens.xhtml",
          "admin/notices.xhtml",
          "admin/freezes.xhtml",
          "admin/help.xhtml",
          "admin/imports.xhtml",
          "admin/mail-system.xhtml");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void germanPagesHaveNoEnglishLeft() {
    walk("de", "Meine Anträge", "Anmelden");
  }

  @Test
  void norwegianPagesHaveNoEnglishLeft() {
    walk("nb", "Mine bestillinger", "Logg inn");
  }

  private static void walk(String language, String myRequests, String loginTitle) {
    Map<String, String> english = new TreeMap<>();
    try (Browser browser = new Browser()) {
      browser.open("login.xhtml");
      browser.chooseLanguage(language);
      browser.waitForText("h1", loginTitle);
      check(browser, "login.xhtml", english);
      open(browser, "help/guide.xhtml?domain=univ-b.be");
      check(browser, "help/guide.xhtml", english);
      browser.open("login.xhtml");

      browser.submitLogin("staff", PASSWORD);
      for (String page : MAIL_PAGES) {
        open(browser, page);
        check(browser, page, english);
      }
      browser.open("requests/mine.xhtml");
      browser.waitForText("h1", myRequests);
      browser.screenshot("walk-" + language + "-requests");
      browser.logout();

      browser.login("admin", PASSWORD);
      browser.chooseLanguage(language);
      for (String page : STAFF_PAGES) {
        open(browser, page);
        check(browser, page, english);
      }
      browser.screenshot("walk-" + language + "-admin");
      browser.chooseLanguage("en");
    }
    assertEquals(Map.of(), english, "English words on the " + language + " pages");
  }

  private static void open(Browser browser, String page) {
    browser.open(page);
    browser.find("main h1");
  }

  private static void check(Browser browser, String page, Map<String, String> english) {
    String text = String.valueOf(browser.script(OWN_TEXT));
    assertTrue(text.strip().length() > 20, page + " shows hardly any text: " + text);
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher matcher = ENGLISH.matcher(line);
      if (matcher.find()) {
        found.add(line.strip());
      }
    }
    if (!found.isEmpty()) {
      english.put(page, String.join(" | ", found));
    }
  }
}
