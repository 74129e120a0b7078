package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.postroom.service.recovery.StateFile;

/**
 * Postroom's whole state as one file, in a real browser: an administrator downloads it from the
 * Mail system page and it holds, parents first, every table of the desired state (a member of
 * staff's mailbox and the vacation reply they just saved among them) and nothing of history; nobody
 * else may download it. Importing is for a new Postroom only: this one serves domains, so its own
 * file is refused with the reason and nothing changes, as are a file that is no state file and an
 * import not confirmed. The import itself, into a new database and back onto an emptied mail
 * server, is the cluster suite's DisasterRecoveryIT.
 */
@ExtendWith(ArquillianExtension.class)
class StateFileIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void anAdministratorDownloadsTheStateAndCannotOverwriteAServingPostroom() throws Exception {
    String away = "Away for the state file " + UUID.randomUUID().toString().substring(0, 6);
    People.Made staff = People.make(People.Kind.EMPLOYEE);
    try (Browser person = new Browser()) {
      person.login(staff.username(), PASSWORD);
      person.open("mailbox.xhtml");
      person.type("#vacation\\:subject", away);
      person.type("#vacation\\:body", "Back on Monday.");
      person.click("#vacation\\:save");
      person.waitForText("#messages", "Your vacation reply is saved");
      // not an administrator's file
      HttpResponse<String> refused = person.fetchWithSession("admin/state.json.gz");
      assertNotEquals(200, refused.statusCode());
      assertFalse(refused.body().contains("postroom-state"));
    }
    try (Browser helpdesk = new Browser()) {
      helpdesk.login("helpdesk", PASSWORD);
      assertNotEquals(200, helpdesk.fetchWithSession("admin/state.json.gz").statusCode());
    }

    try (Browser admin = new Browser()) {
      admin.login("admin", PASSWORD);
      admin.open("admin/mail-system.xhtml");
      String link = admin.find("#downloadState").getAttribute("href");
      assertTrue(link.endsWith("/admin/state.json.gz"), link);
      HttpResponse<byte[]> download =
          admin.fetchWithSession("admin/state.json.gz", HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, download.statusCode());
      assertTrue(
          download
              .headers()
              .firstValue("Content-Disposition")
              .orElse("")
              .matches("attachment; filename=\"postroom-state-\\d{4}-\\d\\d-\\d\\d\\.json\\.gz\""));
      JsonObject file = read(download.body());
      assertEquals("postroom-state/1", file.getString("format"));
      assertTrue(Integer.parseInt(file.getString("schema")) >= 43, file.getString("schema"));
      List<String> tables =
          file.getJsonArray("tables").stream()
              .map(t -> t.asJsonObject().getString("name"))
              .toList();
      assertEquals(StateFile.TABLES, tables, "the desired state's tables, parents first");
      for (String history : List.of("audit_entry", "queued_mail", "provisioning_change")) {
        assertFalse(tables.contains(history), "no history: " + history);
      }
      assertTrue(rows(file, "mailbox").contains("\"" + staff.address() + "\""), "the mailbox");
      assertTrue(rows(file, "vacation_reply").contains(away), "the vacation reply just saved");
      assertTrue(rows(file, "mailbox_sieve").contains(away), "its Sieve script");
      assertTrue(rows(file, "account").contains("\"" + staff.username() + "\""), "the account");
      String domain = staff.address().substring(staff.address().indexOf('@') + 1);
      assertTrue(rows(file, "mail_domain").contains("\"" + domain + "\""), "the person's domain");

      // this Postroom serves domains: its own file is not imported over it
      Path saved = Files.createDirectories(Path.of("target", "uploads")).resolve("state.json.gz");
      Files.write(saved, download.body());
      upload(admin, saved, false);
      admin.waitForText("#stateFile", "Confirm that this Postroom's state is to be replaced.");
      upload(admin, saved, true);
      admin.waitForText("#messages", "This Postroom already serves mail domains.");
      Path garbage = saved.resolveSibling("not-a-state.json");
      Files.writeString(garbage, "{\"format\": \"postroom-settings/1\"}", StandardCharsets.UTF_8);
      upload(admin, garbage, true);
      admin.waitForText("#messages", "This is not a Postroom state file, or it is damaged.");

      // nothing changed: the same people, mailboxes and settings in a new download
      JsonObject after =
          read(
              admin
                  .fetchWithSession("admin/state.json.gz", HttpResponse.BodyHandlers.ofByteArray())
                  .body());
      for (String table : List.of("mail_domain", "account", "mailbox", "vacation_reply")) {
        assertTrue(
            size(after, table) >= size(file, table), table + " kept every row after the refusals");
      }
      assertTrue(rows(after, "mailbox").contains("\"" + staff.address() + "\""));
    }
  }

  private static void upload(Browser admin, Path file, boolean understood) {
    admin.open("admin/mail-system.xhtml");
    admin
        .driver()
        .findElement(By.cssSelector("#stateFile input[type=file]"))
        .sendKeys(file.toAbsolutePath().toString());
    if (understood) {
      admin.driver().findElement(By.id("stateFile:understood")).click();
    }
    admin.click("#stateFile\\:import");
  }

  private static JsonObject read(byte[] gzipped) throws Exception {
    try (JsonReader reader =
        Json.createReader(new GZIPInputStream(new ByteArrayInputStream(gzipped)))) {
      return reader.readObject();
    }
  }

  private static JsonArray table(JsonObject file, String name) {
    return file.getJsonArray("tables").stream()
        .map(JsonValue::asJsonObject)
        .filter(t -> t.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonArray("rows");
  }

  private static String rows(JsonObject file, String name) {
    return table(file, name).toString();
  }

  private static int size(JsonObject file, String name) {
    return table(file, name).size();
  }
}
