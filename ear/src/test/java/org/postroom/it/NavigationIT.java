package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The menu and the pages it leads to, as each demo login sees them in a real browser: every page
 * offered opens (no error page), has a title of its own and the favicon; the menu is grouped by
 * what people do, marks the current page, and fits a laptop (1280 × 800) and a phone (390 × 844) in
 * every language, with no sideways scrolling and every entry reachable. Logging out and switching
 * the language work on an error page too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NavigationIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  /** Demo logins of every role, with the name the header greets them by. */
  private static final Map<String, String> LOGINS =
      Map.of(
          "student", "Lotte Peeters",
          "staff", "Sanne de Vries",
          "helpdesk", "Hanna Dubois",
          "admin", "Alex Admin",
          "webmaster", "Wim Wouters",
          "employee", "Jan de Groot");

  private static final List<String> LANGUAGES = List.of("en", "nl", "de", "nb");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void everyPageTheMenuOffersOpensWithATitleOfItsOwn() {
    try (Browser browser = new Browser()) {
      for (Map.Entry<String, String> login : LOGINS.entrySet()) {
        browser.login(login.getKey(), PASSWORD);
        browser.waitForText("#session\\:who", login.getValue());
        browser.waitForText("#welcome", "Welcome, " + login.getValue() + ".");
        assertPageIsWhole(browser, "Home");
        for (String link : menuLinks(browser)) {
          browser.navigate("#" + link);
          browser
              .await()
              .until(d -> "page".equals(d.findElement(By.id(link)).getAttribute("aria-current")));
          String title = browser.find("h1").getText();
          assertPageIsWhole(browser, title);
          WebElement group =
              browser
                  .driver()
                  .findElement(By.id(link))
                  .findElement(By.xpath("ancestor::details[1]"));
          assertTrue(
              group.getAttribute("class").contains("pr-menu-current"),
              link + ": its group is marked as the current one");
        }
        browser.logout();
      }
    }
  }

  /**
   * The alumni page is offered to those who may order an address ({@code AlumniSelfServiceIT}: the
   * graduate), and explains itself to the others, who used to get an error page.
   */
  @Test
  void theAlumniAddressIsOfferedOnlyWhereItCanBeOrdered() {
    try (Browser browser = new Browser()) {
      for (String username : List.of("student", "staff", "helpdesk", "admin", "alumnus")) {
        browser.login(username, PASSWORD);
        assertTrue(browser.driver().findElements(By.id("homeAlumni")).isEmpty(), username);
        assertTrue(browser.driver().findElements(By.id("navAlumni")).isEmpty(), username);
        browser.open("alumni.xhtml");
        browser.waitForText("#notEligible", "Alumni addresses are for current and former students");
        assertPageIsWhole(browser, "Alumni address");
        browser.logout();
      }
    }
  }

  /** Staff of an institution that takes no shared-mailbox requests are not offered the form. */
  @Test
  void theRequestFormIsOfferedOnlyToStaffWhoseInstitutionTakesRequests() {
    try (Browser browser = new Browser()) {
      browser.login("employee", PASSWORD);
      assertTrue(browser.driver().findElements(By.id("navNew")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("homeNew")).isEmpty());
      browser.open("requests/new.xhtml");
      browser.waitForText("#noDomains", "Your institution does not take requests");
      browser.logout();

      browser.login("staff", PASSWORD);
      browser.navigate("#navNew");
      browser.find("#request\\:localPart");
      List<String> offered = new ArrayList<>();
      for (WebElement option :
          browser.driver().findElements(By.cssSelector("#request\\:domain_input option"))) {
        offered.add(option.getAttribute("value"));
      }
      assertEquals(List.of("univ-b.be"), offered, "only one's own institution's domain");
    }
  }

  @Test
  void theMenuFitsALaptopAndAPhoneInEveryLanguage() {
    try (Browser browser = new Browser()) {
      // the administrator (the longest menu) in every language, a student (the shortest) in German
      // too (its words are the longest), everyone else in English
      Map<String, List<String>> walks =
          new LinkedHashMap<>(
              Map.of(
                  "admin", LANGUAGES,
                  "helpdesk", List.of("en"),
                  "webmaster", List.of("en"),
                  "employee", List.of("en"),
                  "student", List.of("en", "de")));
      for (Map.Entry<String, List<String>> walk : walks.entrySet()) {
        String username = walk.getKey();
        browser.login(username, PASSWORD);
        for (String language : walk.getValue()) {
          browser.chooseLanguage(language);
          for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            browser.viewport(size[0], size[1], size[0] < 600);
            browser.open("index.xhtml");
            browser.find("#welcome");
            String where = username + ", " + language + ", " + size[0] + "×" + size[1];
            assertNoSidewaysScrolling(browser, where);
            for (String css : List.of(".pr-brand", "#session\\:who", "#session\\:logout")) {
              assertWithinWidth(browser, browser.find(css), where + ": " + css);
            }
            List<WebElement> groups =
                browser.driver().findElements(By.cssSelector("#menu details.pr-menu"));
            assertFalse(groups.isEmpty(), where);
            for (WebElement group : groups) {
              WebElement summary = group.findElement(By.tagName("summary"));
              assertWithinWidth(browser, summary, where + ": " + summary.getText());
              summary.click();
              for (WebElement link : group.findElements(By.cssSelector("li a"))) {
                assertTrue(link.isDisplayed(), where + ": " + link.getAttribute("id"));
                assertWithinWidth(browser, link, where + ": " + link.getText());
              }
              assertNoSidewaysScrolling(browser, where + " with " + summary.getText() + " open");
            }
            browser.screenshot("nav-" + username + "-" + language + "-" + size[0]);
          }
          browser.viewport(1280, 1000, false);
        }
        browser.chooseLanguage("en");
        browser.logout();
      }
    }
  }

  @Test
  void logoutAndLanguageWorkOnTheNotFoundPage() {
    try (Browser browser = new Browser()) {
      // before logging in too
      browser.open("login.xhtml");
      browser.chooseLanguage("nl");
      browser.waitForText("h1", "Inloggen");
      assertTrue(browser.currentUrl().endsWith("/login.xhtml"), browser.currentUrl());
      browser.chooseLanguage("en");

      browser.login("staff", PASSWORD);
      browser.open("no/such/page.xhtml");
      browser.find("#notFound");
      browser.chooseLanguage("nl");
      browser.waitForText("#notFound", "bestaat niet");
      assertTrue(browser.currentUrl().endsWith("/no/such/page.xhtml"), browser.currentUrl());
      browser.chooseLanguage("en");
      browser.click("#session\\:logout");
      browser.find("#loggedOut");
      browser.open("index.xhtml");
      browser.find("#login\\:username");
    }
  }

  /** The ids of the links the menu offers on this page. */
  private static List<String> menuLinks(Browser browser) {
    List<String> ids = new ArrayList<>();
    for (WebElement link : browser.driver().findElements(By.cssSelector("#menu li a"))) {
      ids.add(link.getAttribute("id"));
    }
    assertFalse(ids.isEmpty());
    return ids;
  }

  /** No error page; "&lt;page&gt; – Postroom" as the title; the favicon is there. */
  private static void assertPageIsWhole(Browser browser, String heading) {
    assertTrue(browser.driver().findElements(By.id("unexpected")).isEmpty(), heading);
    assertTrue(browser.driver().findElements(By.id("notFound")).isEmpty(), heading);
    String title = browser.driver().getTitle();
    assertEquals(heading + " – Postroom", title);
    assertFalse(title.startsWith("Postroom"), title);
    Object icon =
        browser.script(
            "return fetch(document.querySelector('link[rel=icon]').href)"
                + ".then(function (r) { return r.status + ' ' + r.headers.get('content-type'); });");
    assertTrue(String.valueOf(icon).startsWith("200 image/svg+xml"), String.valueOf(icon));
  }

  private static void assertNoSidewaysScrolling(Browser browser, String where) {
    Number scroll = (Number) browser.script("return document.documentElement.scrollWidth;");
    Number width = (Number) browser.script("return document.documentElement.clientWidth;");
    assertTrue(
        scroll.intValue() <= width.intValue(),
        where + ": the page is " + scroll + " px wide in a window of " + width);
  }

  private static void assertWithinWidth(Browser browser, WebElement element, String what) {
    Number width = (Number) browser.script("return document.documentElement.clientWidth;");
    Map<?, ?> box =
        (Map<?, ?>)
            browser.script(
                "var r = arguments[0].getBoundingClientRect();"
                    + "return {left: r.left, right: r.right, width: r.width};",
                element);
    double left = ((Number) box.get("left")).doubleValue();
    double right = ((Number) box.get("right")).doubleValue();
    assertTrue(((Number) box.get("width")).doubleValue() > 0, what + " is shown");
    assertTrue(
        left >= 0 && right <= width.doubleValue() + 0.5,
        what + " lies within the window: " + left + "–" + right + " of " + width);
  }
}
