package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.postroom.it.Api;
import org.postroom.it.Browser;
import org.postroom.it.Deployments;

/**
 * The pages of the mail server in a real browser, with Postroom on the end-to-end stack's
 * PostgreSQL and Dovecot: the administrator checks the connection and runs a reconcile with its
 * progress and report; the helpdesk retries a failed change, which the real Dovecot then applies,
 * and abandons another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailSystemPagesIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        System.getenv("POSTROOM_DB_URL"),
        System.getenv("POSTROOM_DB_USER"),
        System.getenv("POSTROOM_DB_PASSWORD"));
  }

  @Test
  void anAdministratorChecksTheMailServerAndReconciles() {
    try (Browser browser = new Browser()) {
      browser.login("admin", PASSWORD);
      browser.navigate("#navMailSystem");
      browser.waitForText("#status", "Mail server configured");
      browser.click("#mailServer\\:check");
      browser.waitForText("#status", "Mail server reachable");

      browser.click("#mailServer\\:reconcile");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "Reconcile started.");
      browser
          .await()
          .withTimeout(Duration.ofSeconds(120))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("runState"), "Finished"));
      browser.screenshot("e2e-mail-server-reconciled");
      String checked = browser.find("#checked").getText();
      String[] counts = checked.split(" / ");
      assertEquals(counts[1], counts[0], "every mailbox checked: " + checked);
    }
  }

  /**
   * Two changes failed for good, as after 8 refusals (the backoff itself is unit-tested; here the
   * page is): written into the outbox directly, for the mailboxes of two people fed through the
   * registry API, with ids no sequence hands out.
   */
  private static List<String> failedChanges() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String people =
        """
        [{"registryId":"pages-%1$s-1","givenNames":"Outbox","surname":"Ret%1$s","username":"pga%1$s",
          "domain":"umail.example-a.nl","affiliations":[{"kind":"STAFF","startsOn":"2025-09-01"}]},
         {"registryId":"pages-%1$s-2","givenNames":"Outbox","surname":"Aba%1$s","username":"pgb%1$s",
          "domain":"umail.example-a.nl","affiliations":[{"kind":"STAFF","startsOn":"2025-09-01"}]}]
        """
            .formatted(run);
    HttpResponse<String> fed = Api.json("POST", "demo-all", "registry/people", people);
    assertTrue(fed.body().contains("\"created\":2"), fed.body());
    List<String> addresses = new ArrayList<>();
    try (Connection db = database()) {
      List<Long> mailboxIds = new ArrayList<>();
      try (PreparedStatement query =
          db.prepareStatement(
              "select m.id, m.address from mailbox m join account a on a.id = m.owner_id"
                  + " where a.username in (?, ?) order by a.username")) {
        query.setString(1, "pga" + run);
        query.setString(2, "pgb" + run);
        try (ResultSet found = query.executeQuery()) {
          while (found.next()) {
            mailboxIds.add(found.getLong(1));
            addresses.add(found.getString(2));
          }
        }
      }
      assertEquals(2, addresses.size(), "the two people's mailboxes");
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into provisioning_change (id, version, mailbox_id, mailbox_address, kind,"
                  + " payload, state, attempts, next_attempt_at, last_error, created_at,"
                  + " created_by, mailbox_seq) values (?, 0, ?, ?, 'DELETE_SIEVE', null, 'FAILED', 8,"
                  + " ?, 'NO \"Quota exceeded (test)\"', ?, 'e2e', (select coalesce(max(mailbox_seq),"
                  + " 0) + 1 from provisioning_change where mailbox_id = ?))")) {
        for (int i = 0; i < 2; i++) {
          insert.setLong(1, -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
          insert.setLong(2, mailboxIds.get(i));
          insert.setString(3, addresses.get(i));
          insert.setTimestamp(4, Timestamp.from(Instant.now()));
          insert.setTimestamp(5, Timestamp.from(Instant.now()));
          insert.setLong(6, mailboxIds.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return addresses;
  }

  private static String stateOf(String address) throws Exception {
    try (Connection db = database();
        PreparedStatement query =
            db.prepareStatement(
                "select state from provisioning_change where mailbox_address = ?"
                    + " and created_by = 'e2e' and id < 0")) {
      query.setString(1, address);
      try (ResultSet found = query.executeQuery()) {
        found.next();
        return found.getString(1);
      }
    }
  }

  @Test
  void theHelpdeskRetriesAFailedChangeAndAbandonsAnother() throws Exception {
    List<String> addresses = failedChanges();
    String retried = addresses.get(0);
    String abandoned = addresses.get(1);
    try (Browser browser = new Browser()) {
      browser.login("helpdesk", PASSWORD);
      browser.navigate("#navOutbox");
      browser.waitForText("#outbox\\:failed", retried);
      browser.waitForText("#outbox\\:failed", "Tried 8 times");
      browser.waitForText("#outbox\\:failed", "Quota exceeded (test)");
      browser.screenshot("e2e-outbox-failed");

      browser.clickInRow("#outbox\\:failed", retried, ".pr-outbox-retry");
      browser.waitForText("#messages", "The change for " + retried + " is sent again.");
      browser
          .await()
          .withTimeout(Duration.ofSeconds(60))
          .until(d -> stateOfQuietly(retried).equals("APPLIED"));

      browser.clickInRow("#outbox\\:failed", abandoned, ".pr-outbox-abandon");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "The change for " + abandoned + " is abandoned.");
      assertEquals("ABANDONED", stateOf(abandoned));
      browser.open("helpdesk/outbox.xhtml");
      browser.waitForText("#outbox\\:failed", "No failed changes.");
    }
  }

  private static String stateOfQuietly(String address) {
    try {
      return stateOf(address);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A person's change while Dovecot is stopped: their page says it is kept and applied when the
   * mail server is back, then when it was applied.
   */
  @Test
  void aPersonSeesTheirChangeWaitForTheMailServerAndThenApplied() throws Exception {
    String subject = "Back on Monday " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser browser = new Browser()) {
      browser.login("employee", PASSWORD);
      browser.open("mailbox.xhtml");
      MailStack.run("dovecot-stop");
      try {
        browser.type("#vacation\\:subject", subject);
        browser.type("#vacation\\:body", "I read mail again on Monday.");
        browser.click("#vacation\\:save");
        browser.waitForText("#messages", "Your vacation reply is saved");
        // the outbox tries at once, finds Dovecot away and says so; the page is read afresh
        awaitOnReload(
            browser,
            "mailbox.xhtml",
            "#vacationDelivery",
            "The mail server cannot be reached right now: your change is kept and will be applied"
                + " when the mail server is back.",
            Duration.ofSeconds(60));
        browser.waitForText("#vacationNow", subject);
        browser.screenshot("e2e-change-waits-for-mail-server");
      } finally {
        MailStack.run("dovecot-start");
      }
      // the worker's pause is at most 30 s
      awaitOnReload(
          browser,
          "mailbox.xhtml",
          "#vacationDelivery",
          "It was applied on the mail server at",
          Duration.ofSeconds(90));
      browser.open("filters.xhtml");
      browser.waitForText("#filtersDelivery", "It was applied on the mail server at");
      browser.open("mailbox.xhtml");
      browser.click("#vacation\\:clear");
      browser.waitForText("#vacationNow", "No vacation reply is set.");
    }
  }

  /**
   * The mail server loses its Sieve storage (restored from a backup without it); after the
   * administrator's reconcile, the person's page says what Postroom put back, and when.
   */
  @Test
  void aPersonSeesWhatAReconcilePutBack() throws Exception {
    String subject = "Out of office " + UUID.randomUUID().toString().substring(0, 6);
    try (Browser person = new Browser();
        Browser admin = new Browser()) {
      person.login("employee", PASSWORD);
      person.open("mailbox.xhtml");
      person.type("#vacation\\:subject", subject);
      person.type("#vacation\\:body", "Back next week.");
      person.click("#vacation\\:save");
      person.waitForText("#messages", "Your vacation reply is saved");
      awaitOnReload(
          person,
          "mailbox.xhtml",
          "#vacationDelivery",
          "It was applied on the mail server at",
          Duration.ofSeconds(60));

      MailStack.wipeSieveStorage();

      admin.login("admin", PASSWORD);
      admin.navigate("#navMailSystem");
      admin.click("#mailServer\\:reconcile");
      admin.click(".ui-confirmdialog-yes");
      admin.waitForText("#messages", "Reconcile started.");
      admin
          .await()
          .withTimeout(Duration.ofSeconds(120))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("runState"), "Finished"));

      awaitOnReload(
          person,
          "mailbox.xhtml",
          "#vacationDelivery",
          "The mail server had lost your vacation reply and filter rules; Postroom put them back"
              + " on it at",
          Duration.ofSeconds(90));
      person.waitForText("#vacationNow", subject);
      person.screenshot("e2e-restored-by-reconcile");
      person.click("#vacation\\:clear");
      person.waitForText("#vacationNow", "No vacation reply is set.");
    }
  }

  /** Opens {@code page} afresh until {@code css} shows {@code text}. */
  private static void awaitOnReload(
      Browser browser, String page, String css, String text, Duration atMost) {
    browser
        .await()
        .withTimeout(atMost)
        .pollingEvery(Duration.ofSeconds(2))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(
            driver -> {
              browser.open(page);
              return driver.findElement(By.cssSelector(css)).getText().contains(text);
            });
  }
}
