package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Frozen features in real browsers and through the API: an administrator freezes forwarding and
 * vacation replies for University A during an incident. A member of staff who had the vacation form
 * open is refused with the reason and nothing is saved; their page then shows both features frozen,
 * readable, without forms, under a warning notice. The registry import frozen everywhere answers
 * the API with 503 and Retry-After. Lifted (with a notice that it works again), the form is back
 * and saving works; the freezes stay in the history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrozenFeaturesIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String UNIVERSITY_A = "umail.example-a.nl";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void anAdministratorFreezesFeaturesAndPeopleAreToldWhyAndNothingChanges() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String reason = "We are restoring the mail server after an attack " + run;
    String importReason = "The registry feed is checked first " + run;
    People.Made staff = People.make(People.Kind.EMPLOYEE);
    try (Browser admin = new Browser();
        Browser person = new Browser()) {
      admin.login("admin", PASSWORD);
      person.login(staff.username(), PASSWORD);
      try {
        // the person begins a vacation reply before anything is frozen
        person.open("mailbox.xhtml");
        person.waitForText("#vacationNow", "No vacation reply is set.");
        person.type("#vacation\\:subject", "Away " + run);
        person.type("#vacation\\:body", "Back on Monday.");

        // nothing chosen, no reason: refused at the fields, nothing frozen
        admin.open("admin/freezes.xhtml");
        admin.click("#freeze\\:doFreeze");
        admin.waitForText("#freeze", "Choose at least one feature to freeze.");
        admin.waitForText("#freeze", "Please give a reason");
        admin.waitForText("#running", "Nothing is frozen.");

        new Select(admin.find("#freeze\\:domain")).selectByVisibleText(UNIVERSITY_A);
        clickLabel(admin, "forwarding");
        clickLabel(admin, "vacation replies");
        admin.type("#freeze\\:reason", reason);
        admin.click("#freeze\\:doFreeze");
        admin.waitForText("#messages", "Frozen: forwarding, vacation replies.");
        admin.waitForText("#running\\:frozen", reason);
        admin.screenshot("freezes-admin");

        // the form opened before the freeze: refused with the reason, nothing saved
        person.click("#vacation\\:save");
        person.waitForText(
            "#messages", "Vacation replies cannot be changed at the moment: " + reason);
        person.waitForText("#vacationNow", "No vacation reply is set.");

        // the page now says so, stays readable and offers no form; the notice is above it
        person.open("mailbox.xhtml");
        person.waitForText(
            "#vacationFrozen", "Changes to vacation replies are paused by the mail service.");
        person.waitForText("#vacationFrozen", reason);
        person.waitForText("#vacationFrozen", "Until further notice.");
        person.waitForText("#forwardFrozen", "Changes to forwarding are paused");
        person.waitForText("#forwardNow", "Your mail stays in your mailbox.");
        assertTrue(person.driver().findElements(By.id("vacation:save")).isEmpty());
        assertTrue(person.driver().findElements(By.id("forward:save")).isEmpty());
        person.waitForText("#notices", "Changes paused: forwarding, vacation replies");
        person.screenshot("freezes-mailbox");
        // what is not frozen stays open
        person.open("filters.xhtml");
        person.find("#rule\\:save");

        // the registry import, frozen in every domain: the API answers 503 with Retry-After
        admin.open("admin/freezes.xhtml");
        clickLabel(admin, "the registry import");
        admin.type("#freeze\\:reason", importReason);
        admin.click("#freeze\\:announce");
        admin.click("#freeze\\:doFreeze");
        admin.waitForText("#messages", "Frozen: the registry import.");
        HttpResponse<String> refused = feed(run);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("600", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(
            refused.body().contains("The registry import is paused at the moment: " + importReason),
            refused.body());
        admin.open("admin/imports.xhtml");
        admin.waitForText("#importFrozen", importReason);
        assertTrue(admin.driver().findElements(By.id("upload:start")).isEmpty());

        // lifted, with a notice that it works again: the form is back and saving works
        admin.open("admin/freezes.xhtml");
        admin.clickInRow("#running\\:frozen", "vacation replies", "button.pr-lift");
        admin.click(".ui-confirmdialog-yes");
        admin.waitForText("#messages", "Lifted: vacation replies.");
        admin.waitForText("#history\\:all", "lifted by admin");
        person.open("mailbox.xhtml");
        person.waitForText("#notices", "Working again: vacation replies");
        person.waitForText("#forwardFrozen", reason);
        person.type("#vacation\\:subject", "Away " + run);
        person.type("#vacation\\:body", "Back on Monday.");
        person.click("#vacation\\:save");
        person.waitForText("#messages", "Your vacation reply is saved");
        person.waitForText("#vacationNow", "Away " + run);

        liftAll(admin, run);
        assertEquals(200, feed(run).statusCode());
        person.open("mailbox.xhtml");
        person.find("#forward\\:save");
        assertTrue(person.driver().findElements(By.id("forwardFrozen")).isEmpty());
      } finally {
        liftAll(admin, run);
        ServiceNoticesIT.endNotices(admin, "Working again: vacation replies");
      }
    }
  }

  /** One person for the registry feed, as the registry's system sends them. */
  private static HttpResponse<String> feed(String run) throws Exception {
    String json =
        """
        [{"registryId":"freeze-%1$s","givenNames":"Ida","surname":"Frost%1$s",
          "username":"frost%1$s","domain":"umail.example-a.nl",
          "affiliations":[{"kind":"STUDENT","startsOn":"2025-09-01"}]}]
        """
            .formatted(run.replaceAll("[0-9]", "x"));
    return Api.json("POST", "demo-registry", "registry/people", json);
  }

  /** Lifts every freeze of this run without announcing it, so that no other test meets them. */
  private static void liftAll(Browser admin, String run) {
    for (int i = 0; i < 4; i++) {
      admin.open("admin/freezes.xhtml");
      List<WebElement> rows =
          admin
              .driver()
              .findElements(
                  By.xpath(
                      "//form[@id='running']//tr[contains(., '"
                          + run
                          + "')][.//button[contains(@class,'pr-lift')]]"));
      if (rows.isEmpty()) {
        return;
      }
      // quietly: no "working again" notice for the tests after this one
      if (admin.find("#running\\:announceLift").isSelected()) {
        admin.click("#running\\:announceLift");
      }
      rows.get(0).findElement(By.cssSelector("button.pr-lift")).click();
      admin.click(".ui-confirmdialog-yes");
      admin.waitForText("#messages", "Lifted:");
    }
  }

  private static void clickLabel(Browser browser, String text) {
    browser
        .driver()
        .findElement(By.xpath("//form[@id='freeze']//label[normalize-space()='" + text + "']"))
        .click();
  }
}
