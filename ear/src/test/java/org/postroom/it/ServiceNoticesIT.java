package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Service notices in real browsers: an administrator publishes a warning for University B (in
 * English and Dutch, Markdown with hostile HTML in it) and an outage for University D; the login
 * page shows the outage to everyone, a member of staff of University B sees the warning rendered
 * safely in their language and hides it, a graduate of University D sees the outage and cannot hide
 * it; ended, both leave every page and stay in the history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceNoticesIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void anAdministratorTellsPeopleAboutAnOutageAndAWarning() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String warning = "Forwarding paused tonight " + run;
    String outage = "Mail for univ-d.no is down " + run;
    People.Made graduate = People.make(People.Kind.GRADUATE);
    try (Browser admin = new Browser()) {
      admin.login("admin", PASSWORD);
      admin.open("admin/notices.xhtml");
      try {
        // nothing typed: refused at the field, nothing published
        admin.click("#notice\\:publish");
        admin.waitForText("#notice", "Please give the notice a title.");
        admin.find("#list\\:notices");
        assertFalse(admin.pageText().contains(run));

        // a warning for University B only, about forwarding, in two languages
        clickLabel(admin, "All domains");
        clickLabel(admin, "univ-b.be");
        clickLabel(admin, "forwarding");
        admin.type("#notice\\:title_en", warning);
        admin.type(
            "#notice\\:body_en",
            "**Saved** forwards stay.\n\nMore: <script>window.pwned = 1</script>"
                + " <img src=x onerror=\"window.pwned = 2\"> [status page](https://status.example/)"
                + " [trap](javascript:window.pwned=3)");
        admin.type("#notice\\:title_nl", "Doorsturen vannacht gepauzeerd " + run);
        admin.type("#notice\\:body_nl", "Bewaarde doorstuuradressen **blijven**.");
        admin.click("#notice\\:publish");
        admin.waitForText("#messages", "The notice \"" + warning + "\" is published.");

        // an outage for University D
        admin.choose("#notice\\:severity", "Outage");
        clickLabel(admin, "All domains");
        clickLabel(admin, "univ-d.no");
        admin.type("#notice\\:title_en", outage);
        admin.type("#notice\\:body_en", "We are restoring it. Ask senders to resend what bounced.");
        admin.click("#notice\\:publish");
        admin.waitForText("#messages", "The notice \"" + outage + "\" is published.");
        admin.waitForText("#list\\:notices", warning);
        admin.waitForText("#list\\:notices", outage);
        admin.screenshot("notices-admin");

        // before login: the outage (every outage shows there), not University B's warning
        try (Browser anyone = new Browser()) {
          anyone.open("login.xhtml");
          anyone.waitForText("#notices", outage);
          assertFalse(anyone.pageText().contains(warning), anyone.pageText());
          assertEquals(
              0,
              anyone.<Integer>retry(
                  d -> anyone.find("#notices").findElements(By.cssSelector(".pr-dismiss")).size()),
              "an outage cannot be hidden");
          anyone.screenshot("notices-login");
        }

        // staff of University B: the warning, rendered, with nothing of the hostile HTML alive
        try (Browser staff = new Browser()) {
          staff.login("staff", PASSWORD);
          staff.open("mailbox.xhtml");
          staff.waitForText("#notices", warning);
          // read in one go, found anew should an update replace the notices meanwhile
          staff.retry(d -> assertRenderedSafely(noticeTitled(staff, warning)));
          assertNull(staff.script("return window.pwned;"));
          assertFalse(
              staff.pageText().contains(outage), "University D's outage is not for staff of B");
          staff.screenshot("notices-staff");

          // in Dutch, the Dutch text
          staff.click("#session button[value='nl']");
          staff.waitForText("#notices", "Doorsturen vannacht gepauzeerd " + run);

          // hidden for this person: gone from the pages, still in the history
          staff.retry(
              d -> {
                noticeTitled(staff, "Doorsturen vannacht gepauzeerd " + run)
                    .findElement(By.cssSelector(".pr-dismiss-button"))
                    .click();
                return true;
              });
          // the page reloads after the post: the body may go stale between finding and reading
          staff
              .await()
              .ignoring(StaleElementReferenceException.class)
              .until(
                  d ->
                      !d.findElement(By.tagName("body"))
                          .getText()
                          .contains("Doorsturen vannacht gepauzeerd " + run));
          staff.open("notices.xhtml");
          staff.waitForText("#history\\:notices", "Doorsturen vannacht gepauzeerd " + run);
        }

        // a graduate of University D: the outage, which cannot be hidden; not B's warning
        try (Browser graduateBrowser = new Browser()) {
          graduateBrowser.login(graduate.username(), PASSWORD);
          graduateBrowser.waitForText("#notices", outage);
          assertEquals(
              0,
              graduateBrowser.<Integer>retry(
                  d ->
                      noticeTitled(graduateBrowser, outage)
                          .findElements(By.cssSelector(".pr-dismiss"))
                          .size()),
              "an outage cannot be hidden");
          assertFalse(graduateBrowser.pageText().contains(warning));
        }
      } finally {
        endAll(admin, run);
      }

      // ended: gone from the login page, kept in the history with who ended it
      admin.waitForText("#list\\:notices", "ended by admin");
      try (Browser anyone = new Browser()) {
        anyone.open("login.xhtml");
        anyone.find("#login\\:username");
        assertFalse(anyone.pageText().contains(outage), anyone.pageText());
        anyone.open("notices.xhtml");
        anyone.waitForText("#history\\:notices", outage);
      }
    }
  }

  /** Ends every running notice of this run, so that no other test meets them. */
  private static void endAll(Browser admin, String run) {
    endNotices(admin, run);
  }

  /** Ends every running notice whose row on the administrator's list shows {@code text}. */
  static void endNotices(Browser admin, String text) {
    By running =
        By.xpath("//tr[contains(., '" + text + "')]//button[contains(@class,'pr-end-notice')]");
    for (int i = 0; i < 10; i++) {
      admin.open("admin/notices.xhtml");
      admin.find("#list\\:notices");
      if (admin.driver().findElements(running).isEmpty()) {
        return;
      }
      admin.retry(
          d -> {
            d.findElement(running).click();
            return true;
          });
      admin.click(".ui-confirmdialog-yes");
      admin.waitForText("#messages", "The notice has ended.");
    }
  }

  /**
   * The warning's Markdown rendered with nothing of its hostile HTML alive: bold text, the status
   * link only, script and image shown as text.
   */
  private static boolean assertRenderedSafely(WebElement shown) {
    assertEquals(
        "Saved", shown.findElement(By.cssSelector(".pr-service-notice-text strong")).getText());
    assertTrue(
        shown.findElements(By.cssSelector("script, img")).isEmpty(),
        shown.getAttribute("innerHTML"));
    List<WebElement> links = shown.findElements(By.cssSelector(".pr-service-notice-text a[href]"));
    assertEquals(1, links.size(), shown.getAttribute("innerHTML"));
    assertEquals("https://status.example/", links.get(0).getAttribute("href"));
    assertTrue(shown.getText().contains("<script>window.pwned = 1</script>"), shown.getText());
    assertTrue(shown.getText().contains("Concerns: forwarding."), shown.getText());
    return true;
  }

  private static WebElement noticeTitled(Browser browser, String title) {
    return browser
        .find("#notices")
        .findElement(By.xpath(".//section[.//strong[contains(., '" + title + "')]]"));
  }

  private static void clickLabel(Browser browser, String text) {
    browser
        .driver()
        .findElement(By.xpath("//form[@id='notice']//label[normalize-space()='" + text + "']"))
        .click();
  }
}
