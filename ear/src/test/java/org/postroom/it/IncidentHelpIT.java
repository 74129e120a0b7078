package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A domain's help for an incident, in real browsers: before login anyone reads the default texts in
 * English and Dutch; an administrator writes University C's own text on what was lost (Markdown
 * with hostile HTML in it), which University C's page shows rendered safely while University D's
 * keeps the default; emptied, the default is back. An unknown domain offers the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IncidentHelpIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String UNIVERSITY_C = "univ-c.example";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void anAdministratorWritesADomainsIncidentHelpAndAnyoneReadsIt() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (Browser anyone = new Browser();
        Browser admin = new Browser()) {
      // before login, the defaults
      anyone.open("help/incident.xhtml?domain=" + UNIVERSITY_C);
      anyone.waitForText("#helpDomain", UNIVERSITY_C);
      anyone.waitForText("#help-LOST", "ask the people who write to you to send again");
      anyone.waitForText("#help-BACKUP", "Thunderbird");
      anyone.waitForText("#help-ARCHIVE", "archive folder");
      assertFalse(anyone.currentUrl().contains("login.xhtml"), anyone.currentUrl());
      anyone.click("#session button[value='nl']");
      anyone.waitForText("#help-LOST", "vraag wie u schrijft om belangrijke berichten");
      anyone.click("#session button[value='en']");
      anyone.waitForText("#help-LOST", "ask the people who write to you");

      // an unknown domain: the list to choose from
      anyone.open("help/incident.xhtml?domain=nowhere.example");
      anyone.waitForText("#unknownDomain", "Postroom does not serve the domain nowhere.example.");
      anyone.waitForText("#helpDomains", UNIVERSITY_C);

      // University C's own text on what was lost
      admin.login("admin", PASSWORD);
      admin.open("admin/help.xhtml?domain=" + UNIVERSITY_C);
      admin.type(
          "#help\\:text_LOST_en",
          "Mail from **3 to 5 March** was lost "
              + run
              + ". <script>window.pwned = 1</script> [Status](https://status.example/)"
              + " [trap](javascript:window.pwned=2)");
      admin.click("#help\\:save");
      admin.waitForText("#messages", "The help texts of " + UNIVERSITY_C + " are saved.");

      anyone.open("help/incident.xhtml?domain=" + UNIVERSITY_C);
      anyone.waitForText("#help-LOST", "Mail from 3 to 5 March was lost " + run);
      WebElement lost = anyone.find("#help-LOST");
      assertTrue(lost.findElements(By.cssSelector("script")).isEmpty());
      assertTrue(lost.getText().contains("<script>window.pwned = 1</script>"), lost.getText());
      assertTrue(
          lost.findElements(By.cssSelector("a[href^='javascript']")).isEmpty(),
          lost.getAttribute("innerHTML"));
      assertTrue(
          lost.findElements(By.cssSelector("a[href='https://status.example/']")).size() == 1);
      assertNull(anyone.script("return window.pwned;"));
      // the other topics keep their defaults; other domains and languages too
      anyone.waitForText("#help-BACKUP", "Thunderbird");
      anyone.screenshot("incident-help");
      anyone.open("help/incident.xhtml?domain=univ-d.no");
      anyone.waitForText("#help-LOST", "ask the people who write to you");
      anyone.click("#session button[value='nl']");
      anyone.open("help/incident.xhtml?domain=" + UNIVERSITY_C);
      anyone.waitForText("#help-LOST", "vraag wie u schrijft");
      anyone.click("#session button[value='en']");

      // emptied: the default again
      admin.open("admin/help.xhtml?domain=" + UNIVERSITY_C);
      admin.type("#help\\:text_LOST_en", "");
      admin.click("#help\\:save");
      admin.waitForText("#messages", "The help texts of " + UNIVERSITY_C + " are saved.");
      anyone.open("help/incident.xhtml?domain=" + UNIVERSITY_C);
      anyone.waitForText("#help-LOST", "ask the people who write to you");
      assertFalse(anyone.find("#help-LOST").getText().contains(run));
    }
  }
}
