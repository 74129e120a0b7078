package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * People take their settings with them, in a real browser: a member of staff downloads their
 * forward and vacation reply as a file (and their Sieve script), loses them, and restores them from
 * the file; the same file again changes nothing; a file with a broken forward changes nothing at
 * all and says why; a file with a rule and a trash choice sets them; garbage is refused. The
 * helpdesk downloads an account's file and restores a changed one; nobody else may.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsFileIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void aPersonKeepsTheirSettingsInAFileAndRestoresThem() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String away = "Away until Monday " + run;
    People.Made staff = People.make(People.Kind.EMPLOYEE);
    try (Browser person = new Browser()) {
      person.login(staff.username(), PASSWORD);
      person.open("mailbox.xhtml");
      person.type("#forward\\:targets", "colleague@partner.example");
      person.click("#forward\\:save");
      person.waitForText("#messages", "Your forward is saved");
      person.type("#vacation\\:subject", away);
      person.type("#vacation\\:body", "I read \"mail\" \\ again on Monday.");
      person.click("#vacation\\:save");
      person.waitForText("#messages", "Your vacation reply is saved");

      HttpResponse<String> file = person.fetchWithSession("settings/settings.json");
      assertEquals(200, file.statusCode());
      assertTrue(
          file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
      assertTrue(file.body().contains("\"format\": \"postroom-settings/1\""), file.body());
      assertTrue(file.body().contains("colleague@partner.example"), file.body());
      assertTrue(file.body().contains(away), file.body());
      HttpResponse<String> sieve = person.fetchWithSession("settings/postroom.sieve");
      assertEquals(200, sieve.statusCode());
      assertTrue(sieve.body().contains("vacation"), sieve.body());
      assertTrue(sieve.body().contains(away), sieve.body());

      // lost (as after an incident): restored from the file
      person.click("#forward\\:remove");
      person.waitForText("#forwardNow", "Your mail stays in your mailbox.");
      person.click("#vacation\\:clear");
      person.waitForText("#vacationNow", "No vacation reply is set.");
      upload(person, "kept-" + run, file.body());
      person.waitForText("#messages", "Restored from the file: forward, vacation reply.");
      person.waitForText("#forwardNow", "colleague@partner.example");
      person.waitForText("#vacationNow", away);
      person.screenshot("settings-restored");

      // the same file again: nothing to change
      upload(person, "again-" + run, file.body());
      person.waitForText("#messages", "Nothing had to change");

      // a broken forward beside a new rule and no vacation reply: nothing of it is applied
      upload(person, "broken-" + run, settings("[\"bob@\"]", "KEEP"));
      person.waitForText("#messages", "Nothing was restored");
      person.waitForText("#messages", "'bob@' is not a mail address");
      person.waitForText("#forwardNow", "colleague@partner.example");
      person.waitForText("#vacationNow", away);
      person.waitForText("#filtersNow", "No filter rules");

      // a good one: the rule and the trash choice are set, the vacation reply switched off
      upload(person, "good-" + run, settings("[\"colleague@partner.example\"]", "REMOVE"));
      person.waitForText(
          "#messages", "Restored from the file: vacation reply, filter rules, trash choice.");
      person.waitForText("#vacationNow", "No vacation reply is set.");
      person.waitForText("#filtersNow", "One rule, 1 switched on.");
      assertTrue(
          person.driver().findElement(By.cssSelector("#trash input[value='REMOVE']")).isSelected());

      // not a settings file
      upload(person, "garbage-" + run, "{\"format\": \"something else\"");
      person.waitForText("#settingsFile", "This is not a Postroom settings file");

      // somebody else's file: only the helpdesk's; to anyone else it does not exist
      HttpResponse<String> foreign =
          person.fetchWithSession("settings/settings.json?username=employee");
      assertEquals(404, foreign.statusCode());
      assertTrue(!foreign.body().contains("j.de.groot@"), foreign.body());
    }

    try (Browser helpdesk = new Browser()) {
      helpdesk.login("helpdesk", PASSWORD);
      helpdesk.open("helpdesk/account.xhtml?username=" + staff.username());
      HttpResponse<String> theirs =
          helpdesk.fetchWithSession("settings/settings.json?username=" + staff.username());
      assertEquals(200, theirs.statusCode());
      assertTrue(theirs.body().contains("[list] " + "news"), theirs.body());
      upload(
          helpdesk,
          "helpdesk-" + run,
          theirs.body().replace("\"colleague@partner.example\"", "\"desk@partner.example\""));
      helpdesk.waitForText("#messages", "Restored from the file: forward.");
      helpdesk.screenshot("settings-helpdesk");
    }
    try (Browser person = new Browser()) {
      person.login(staff.username(), PASSWORD);
      person.open("mailbox.xhtml");
      person.waitForText("#forwardNow", "desk@partner.example");
    }
  }

  /** A settings file written by hand: the forward's targets, one rule, the trash choice. */
  private static String settings(String targets, String trash) {
    return """
        {"format": "postroom-settings/1",
         "forward": {"targets": %s, "keepCopy": true},
         "vacation": null,
         "filterRules": [{"rule": {"field": "SUBJECT", "match": "CONTAINS", "value": "[list] news",
                                   "destination": "FOLDER", "folder": "Lists", "markRead": true,
                                   "stop": true},
                          "enabled": true}],
         "trash": "%s"}
        """
        .formatted(targets, trash);
  }

  private static void upload(Browser browser, String name, String content) throws Exception {
    Path file = Files.createDirectories(Path.of("target", "uploads")).resolve(name + ".json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    browser
        .driver()
        .findElement(By.cssSelector("#settingsFile input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    browser.click("#settingsFile\\:restore");
  }
}
