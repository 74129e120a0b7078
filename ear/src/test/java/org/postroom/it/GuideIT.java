package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Each reference domain's public guide, before login: its servers from the same data as
 * autoconfiguration, its policies' facts, the domain's default language for a reader whose browser
 * asks for none Postroom speaks, cacheable; linked from the login page and from autoconfiguration;
 * readable on a phone; an administrator's own text in Markdown, sanitised.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuideIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String BASE =
      "http://127.0.0.1:" + System.getProperty("it.http.port", "18080") + "/";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** A reference domain: its guide's title in its default language, and what it must state. */
  record Reference(String domain, String title, List<String> states) {}

  private static final List<Reference> REFERENCES =
      List.of(
          new Reference(
              "umail.example-a.nl",
              "Hulp bij e-mail",
              List.of("imap.example-a.nl", "993", "smtp.example-a.nl", "25 MB")),
          new Reference(
              "univ-b.be", "Hulp bij e-mail", List.of("imap.univ-b.be", "143", "STARTTLS")),
          new Reference(
              "univ-c.example",
              "Hilfe zur Mail",
              List.of(
                  "imap.univ-c.example", "993", "465", "mx.univ-c.example", "Funktionspostfächer")),
          new Reference(
              "alumni.univ-d.no",
              "Hjelp med e-post",
              List.of("imap.alumni.univ-d.no", "993", "brukernavnet ditt (ikke adressen)", "2 GB")),
          new Reference("member-e.example", "Mail help", List.of("12 MB", "SSL/TLS")));

  @Test
  void everyReferenceDomainsGuideStatesItsServersAndRulesInItsLanguage() throws Exception {
    for (Reference reference : REFERENCES) {
      HttpResponse<String> page = get("help/guide.xhtml?domain=" + reference.domain(), "fr");
      assertEquals(200, page.statusCode(), reference.domain());
      String html = page.body();
      assertTrue(
          html.contains("<h1>" + reference.title() + "</h1>"),
          reference.domain() + ": " + html.substring(0, Math.min(html.length(), 3000)));
      for (String stated : reference.states()) {
        assertTrue(html.contains(stated), reference.domain() + " states " + stated);
      }
      assertEquals(
          "public, max-age=300",
          page.headers().firstValue("Cache-Control").orElse(""),
          reference.domain() + ": shared caches may keep it");
    }
    // a browser in a language Postroom speaks reads it in that language, whatever the domain's
    assertTrue(
        get("help/guide.xhtml?domain=univ-c.example", "nb-NO,nb;q=0.9")
            .body()
            .contains("<h1>Hjelp med e-post</h1>"));
    assertTrue(
        get("help/guide.xhtml?domain=no-such.example", "en").body().contains("no-such.example"));
  }

  @Test
  void autoconfigurationLinksToTheGuide() throws Exception {
    String xml = get("mail/config-v1.1.xml?emailaddress=someone@univ-c.example", "en").body();
    assertTrue(
        xml.contains("<documentation url=\"" + BASE + "help/guide.xhtml?domain=univ-c.example\">"),
        xml);
    assertTrue(
        xml.contains("<descr lang=\"de\">Einstellungen und Hilfe für Ihr Mailprogramm</descr>"),
        xml);
  }

  @Test
  void fromTheLoginPageOnAPhoneAndAnAdministratorsOwnTextSanitised() throws Exception {
    try (Browser browser = new Browser()) {
      browser.viewport(390, 844, true);
      browser.open("login.xhtml");
      browser.click("#login\\:guideLink");
      browser.click("#helpDomains a[href*='univ-b.be']");
      browser.waitForText("#servers", "imap.univ-b.be");
      browser.waitForText("#help-SETUP", "POP3");
      assertEquals(
          Boolean.TRUE,
          browser.script(
              "return document.documentElement.scrollWidth"
                  + " <= document.documentElement.clientWidth + 1;"),
          "no sideways scrolling on a phone");
      browser.screenshot("guide-phone");
      browser.viewport(1280, 900, false);

      browser.login("admin", PASSWORD);
      browser.open("admin/help.xhtml?domain=univ-b.be");
      String own =
          "Ring **0800 123** of schrijf naar [de servicedesk](https://servicedesk.univ-b.be)."
              + " <script>window.pwned = true;</script>";
      browser.type("#help\\:text_CONTACT_nl", own);
      browser.click("#help\\:save");
      browser.waitForText("#messages", "univ-b.be");
      browser.logout();

      browser.open("help/guide.xhtml?domain=univ-b.be");
      browser.chooseLanguage("nl");
      browser.waitForText("#help-CONTACT", "0800 123");
      assertEquals(
          "https://servicedesk.univ-b.be/",
          browser
              .driver()
              .findElement(By.cssSelector("#help-CONTACT a"))
              .getAttribute("href")
              .replaceFirst("/?$", "/"));
      assertFalse(
          Boolean.TRUE.equals(browser.script("return window.pwned === true;")),
          "the script was not run");
      assertTrue(browser.driver().findElements(By.cssSelector("#help-CONTACT script")).isEmpty());
      browser.screenshot("guide-own-text");
      browser.chooseLanguage("en");

      // back as the demo has it
      browser.login("admin", PASSWORD);
      browser.open("admin/help.xhtml?domain=univ-b.be");
      browser.type("#help\\:text_CONTACT_nl", "");
      browser.click("#help\\:save");
      browser.waitForText("#messages", "univ-b.be");
    }
  }

  private static HttpResponse<String> get(String path, String language) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(BASE + path))
            .header("Accept-Language", language)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
