package org.postroom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.postroom.it.Browser;

/**
 * Disaster recovery end to end, as an institution would go through it: a Postroom (the demo, on a
 * new database) with a vacation reply saved by its employee and everything reconciled onto the
 * stack's Dovecot; its administrator downloads the state file. Then the disaster: the database is
 * gone and the mail server has lost every Sieve script and access list. A new Postroom (the
 * production build, no demo data, only its first administrator from the environment) on a new,
 * empty database imports the file in the browser; the administrators of the file sign in with their
 * old passwords and run one reconcile; afterwards Dovecot holds for every mailbox exactly the
 * scripts and grants it held before, and the employee finds his vacation reply on his page.
 */
class DisasterRecoveryIT {

  private static final Logger LOG = Logger.getLogger(DisasterRecoveryIT.class.getName());

  private static final String PASSWORD = System.getenv("POSTROOM_DEMO_PASSWORD");

  private static final String RESCUE_PASSWORD = "Break glass after the flood 2026";

  private static final String EMPLOYEE_MAILBOX = "j.de.groot@umail.example-a.nl";

  private static final String SHARED_MAILBOX = "secretariaat@univ-b.be";

  private final MailStack stack = new MailStack();

  @Test
  void theStateFileRebuildsANewPostroomAndAnEmptiedMailServer() throws Exception {
    Path dir = Path.of(System.getProperty("postroom.cluster.dir"), "recovery");
    String away = "Away while the state is saved";
    Map<String, String> before = new TreeMap<>();
    Path file = Files.createDirectories(dir).resolve("postroom-state.json.gz");

    stack.freshDatabase();
    try (Cluster first = new Cluster(dir.resolve("first"), 1, System.getenv())) {
      first.start(Duration.ofMinutes(4));
      System.setProperty("it.base.url", first.base() + "/");
      try (Browser employee = new Browser()) {
        employee.login("employee", PASSWORD);
        employee.open("mailbox.xhtml");
        employee.type("#vacation\\:subject", away);
        employee.type("#vacation\\:body", "Back when the \"water\" is gone \\ really.");
        employee.click("#vacation\\:save");
        employee.waitForText("#messages", "Your vacation reply is saved");
      }
      try (Browser admin = new Browser()) {
        admin.login("admin", PASSWORD);
        reconcile(admin);
        // the vacation reply and the reconcile's repairs go through the outbox
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (!(stack.scriptsAndGrants(EMPLOYEE_MAILBOX).contains(away)
                && stack.scriptsAndGrants(SHARED_MAILBOX).contains("group=" + SHARED_MAILBOX))
            && java.time.Instant.now().isBefore(until)) {
          Thread.sleep(250);
        }
        String addresses =
            stack.sql("select address from mailbox where deletion_queued_at is null");
        for (String address : addresses.split("\n")) {
          before.put(address, stack.scriptsAndGrants(address));
        }
        assertTrue(before.get(EMPLOYEE_MAILBOX).contains(away), "the vacation reply on Dovecot");
        assertTrue(
            before.get(SHARED_MAILBOX).contains("group=" + SHARED_MAILBOX),
            "the shared mailbox's grant on Dovecot: " + before.get(SHARED_MAILBOX));
        HttpResponse<byte[]> download =
            admin.fetchWithSession("admin/state.json.gz", HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        Files.write(file, download.body());
      }
    }
    LOG.info(
        "State file of "
            + Files.size(file)
            + " bytes for "
            + before.size()
            + " mailboxes, "
            + before.values().stream().filter(held -> !held.isEmpty()).count()
            + " with scripts or grants on Dovecot");

    // the disaster: a new database, and a mail server without Postroom's scripts and grants
    stack.freshDatabase();
    stack.wipeScriptsAndGrants();
    assertEquals("", stack.scriptsAndGrants(EMPLOYEE_MAILBOX));
    assertEquals("", stack.scriptsAndGrants(SHARED_MAILBOX));

    Map<String, String> fresh = new HashMap<>(System.getenv());
    // the production build: no demo data, only the first administrator from the environment
    fresh.put(
        "POSTROOM_EAR",
        Path.of(System.getenv("POSTROOM_EAR"))
            .getParent()
            .resolveSibling("postroom.ear")
            .toString());
    fresh.put("POSTROOM_BOOTSTRAP_ADMIN", "rescue");
    fresh.put("POSTROOM_BOOTSTRAP_ADMIN_PASSWORD", RESCUE_PASSWORD);
    try (Cluster second = new Cluster(dir.resolve("second"), 1, fresh)) {
      second.start(Duration.ofMinutes(4));
      assertEquals("0", stack.sql("select count(*) from mailbox"), "a new, empty Postroom");
      System.setProperty("it.base.url", second.base() + "/");
      try (Browser rescue = new Browser()) {
        rescue.login("rescue", RESCUE_PASSWORD);
        rescue.open("admin/mail-system.xhtml");
        rescue
            .driver()
            .findElement(By.cssSelector("#stateFile input[type=file]"))
            .sendKeys(file.toAbsolutePath().toString());
        rescue.driver().findElement(By.id("stateFile:understood")).click();
        rescue.click("#stateFile\\:import");
        rescue
            .await()
            .withTimeout(Duration.ofSeconds(120))
            .until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Imported"));
        rescue.screenshot("recovery-imported");
        LOG.info("Import: " + rescue.find("#messages").getText());
      }
      assertEquals(
          Integer.toString(before.size()),
          stack.sql("select count(*) from mailbox where deletion_queued_at is null"),
          "every mailbox of the file");
      assertEquals(
          "0",
          stack.sql("select count(*) from account where username = 'rescue'"),
          "the new Postroom's own first administrator gave way to the file's");

      try (Browser admin = new Browser()) {
        admin.login("admin", PASSWORD);
        // the mail server's pooled connections to the lost database fail once each (Dovecot logs
        // "terminating connection due to administrator command"): a mailbox it could not be asked
        // about is counted as such, and the administrator runs the reconcile again
        int runs = 1;
        while (!reconcile(admin).equals("0")) {
          assertTrue(++runs <= 3, "the mail server answers for every mailbox by the third run");
        }
        LOG.info("Reconcile runs until every mailbox was checked: " + runs);
      }
      // the repairs go through the outbox
      Map<String, String> after = new TreeMap<>();
      java.time.Instant until = java.time.Instant.now().plusSeconds(60);
      do {
        Thread.sleep(500);
        for (String address : before.keySet()) {
          after.put(address, stack.scriptsAndGrants(address));
        }
      } while (!after.equals(before) && java.time.Instant.now().isBefore(until));
      assertEquals(before, after, "every script and grant is back on Dovecot");

      try (Browser employee = new Browser()) {
        employee.login("employee", PASSWORD);
        employee.open("mailbox.xhtml");
        assertEquals(away, employee.find("#vacation\\:subject").getAttribute("value"));
      }
      // rows made from now on take ids after the imported ones
      long highest = Long.parseLong(stack.sql("select max(id) from account"));
      long next = Long.parseLong(stack.sql("select last_value from account_seq"));
      assertTrue(next > highest, "the account sequence continues after the imported accounts");
    }
  }

  /**
   * Runs a reconcile on the Mail system page and waits until it finished; returns how many
   * mailboxes the mail server could not be asked about.
   */
  private static String reconcile(Browser admin) {
    admin.open("admin/mail-system.xhtml");
    admin.click("#mailServer\\:reconcile");
    admin.click(".ui-confirmdialog-yes");
    admin.waitForText("#messages", "Reconcile started.");
    admin
        .await()
        .withTimeout(Duration.ofSeconds(180))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("runState"), "Finished"));
    LOG.info("Reconcile: " + admin.find("#report").getText().replace('\n', ' '));
    return admin.find("#unreachable").getText().strip();
  }
}
