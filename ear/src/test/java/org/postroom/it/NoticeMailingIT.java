package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A service notice mailed to the people of its domain: an administrator publishes a warning for
 * University A in English and Dutch and mails it to its 250 and more people (two batches); the list
 * follows the mailing to its end; a confirmation of a forward saved meanwhile arrives before the
 * bulk is through; and a member of staff of University A finds the notice in their mailbox, in
 * Dutch (their language).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticeMailingIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String EMPLOYEE = "j.de.groot@umail.example-a.nl";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void anAdministratorMailsANoticeToThePeopleOfItsDomain() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String dutch = "Onderhoud aan de mailserver " + run;
    // enough people for two batches of the mailing
    feedPeople(run.replaceAll("[0-9]", "x"), 250);
    People.Made staff = People.make(People.Kind.EMPLOYEE);
    try (Browser admin = new Browser()) {
      admin.login("admin", PASSWORD);
      admin.open("admin/notices.xhtml");
      try {
        clickLabel(admin, "All domains");
        clickLabel(admin, "umail.example-a.nl");
        admin.type("#notice\\:title_en", "Mail server maintenance " + run);
        admin.type("#notice\\:body_en", "Tonight from 22:00 mail may arrive late.");
        admin.type("#notice\\:title_nl", dutch);
        admin.type("#notice\\:body_nl", "Vannacht vanaf 22:00 kan mail **later** aankomen.");
        admin.click("#notice\\:publish");
        admin.waitForText("#messages", "is published");

        admin.clickInRow("#list\\:notices", run, "button.pr-mail-notice");
        admin.click(".ui-confirmdialog-yes");
        admin.waitForText("#messages", "The notice is being mailed");
        // the list follows the mailing (it polls) to its end
        admin
            .await()
            .withTimeout(Duration.ofSeconds(60))
            .until(
                d ->
                    d.findElements(By.xpath("//tr[contains(., '" + run + "')]")).stream()
                        .anyMatch(row -> row.getText().contains("Done.")));
        admin.screenshot("notice-mailed");
        String row =
            admin
                .driver()
                .findElement(By.xpath("//tr[contains(., '" + run + "')]"))
                .getText()
                .replace("\n", " ");
        Matcher progress =
            Pattern.compile("To ([0-9,]+) of ([0-9,]+) people \\(([0-9,]+) without").matcher(row);
        assertTrue(progress.find(), row);
        int mailed = number(progress.group(1));
        int total = number(progress.group(2));
        int withoutAddress = number(progress.group(3));
        assertTrue(total >= 251, "the fed people and the demo's: " + row);
        assertEquals(total, mailed + withoutAddress, row);

        // mail about someone's own change goes before the bulk still being sent (a person of the
        // test's own: the demo employee's forward mails belong to MyMailboxIT)
        try (Browser person = new Browser()) {
          person.login(staff.username(), PASSWORD);
          person.open("mailbox.xhtml");
          person.type("#forward\\:targets", "colleague." + run + "@partner.example");
          person.click("#forward\\:save");
          person.waitForText("#messages", "Your forward is saved");
          Inbox.Mail confirmation = Inbox.await(staff.address(), staff.address());
          assertTrue(confirmation.body().contains("colleague." + run + "@partner.example"));
        }

        Inbox.Mail mail = Inbox.await(EMPLOYEE, "Melding van de maildienst: " + dutch);
        assertTrue(
            mail.body().contains("Vannacht vanaf 22:00 kan mail **later** aankomen."), mail.body());
        assertTrue(mail.body().contains("Beste Jan de Groot"), mail.body());
      } finally {
        ServiceNoticesIT.endNotices(admin, run);
      }
    }
  }

  /** {@code i} in letters (a, b, …, ba, bb, …): usernames and generated addresses take them. */
  private static String letters(int i) {
    StringBuilder letters = new StringBuilder();
    int rest = i;
    do {
      letters.insert(0, (char) ('a' + rest % 26));
      rest /= 26;
    } while (rest > 0);
    return letters.toString();
  }

  private static int number(String text) {
    return Integer.parseInt(text.replace(",", ""));
  }

  /** Feeds {@code count} students of University A through the registry API. */
  private static void feedPeople(String tag, int count) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      String n = letters(i);
      json.append(i == 0 ? "" : ",")
          .append(
              """
              {"registryId":"mail-%1$s-%2$s","givenNames":"Mia","surname":"Post%1$s%2$s",
               "username":"m%1$s%2$s","domain":"umail.example-a.nl",
               "affiliations":[{"kind":"STUDENT","startsOn":"2025-09-01"}]}
              """
                  .formatted(tag, n));
    }
    HttpResponse<String> fed = Api.json("POST", "demo-registry", "registry/people", json + "]");
    assertEquals(200, fed.statusCode(), fed.body());
    assertTrue(fed.body().contains("\"created\":" + count), fed.body());
  }

  private static void clickLabel(Browser browser, String text) {
    browser
        .driver()
        .findElement(By.xpath("//form[@id='notice']//label[normalize-space()='" + text + "']"))
        .click();
  }
}
