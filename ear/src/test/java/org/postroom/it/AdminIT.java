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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What administrators do, in a real browser and as scripts over the REST API: domains and their
 * policies, and registry imports with their progress and error report.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static String uniqueName(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  @Test
  void anAdministratorAddsADomainAndTightensItsPolicyInTheBrowser() {
    String name = uniqueName("lab-");
    try (Browser browser = new Browser()) {
      browser.login("admin", PASSWORD);
      browser.navigate("#navDomains");
      browser.waitForText("#list\\:domains", "umail.example-a.nl");
      browser.screenshot("10-domains");

      browser.click("#newDomain");
      browser.type("#domain\\:name", "not a domain");
      browser.click("#domain\\:save");
      browser.waitForText("#domain", "Enter a domain name such as univ-b.be");
      browser.type("#domain\\:name", name.toUpperCase());
      browser.click("#domain\\:save");
      browser.waitForText("#messages", "The domain " + name + " is added.");
      browser.waitForText("#history", "Domain added");

      browser.type("#domain\\:quotaStudentMb", "350");
      browser.type("#domain\\:quotaWarningPercent", "120");
      browser.type("#domain\\:sharedMaxMembers", "");
      browser.click("#domain\\:save");
      browser.waitForText("#domain", "Enter a whole number from 50 to 99.");
      browser.waitForText("#domain", "Choose or enter a value.");
      browser.screenshot("11-domain-policy-errors");
      assertTrue(
          browser.pageText().contains("No changes yet") || !browser.pageText().contains("350"));

      browser.type("#domain\\:quotaWarningPercent", "85");
      browser.type("#domain\\:sharedMaxMembers", "4");
      browser.click("#domain\\:save");
      browser.waitForText("#messages", "The domain's settings are saved.");
      browser.waitForText("#history", "quotaStudentMb: 1000 → 350");
      browser.waitForText("#history", "quotaWarningPercent: 90 → 85");
      browser.screenshot("12-domain-policy-saved");

      browser.open("admin/domains.xhtml");
      browser.type("#list\\:domains\\:globalFilter", name.substring(0, 12));
      browser
          .await()
          .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.pr-domain-link"), 1));
      browser.logout();

      browser.login("helpdesk", PASSWORD);
      assertTrue(browser.driver().findElements(By.id("navDomains")).isEmpty());
      browser.open("admin/domain.xhtml?name=" + name);
      assertTrue(browser.pageText().contains("does not exist"), browser.pageText());
    }
  }

  @Test
  void scriptsReadCreateAndChangeDomainsOverRest() throws Exception {
    HttpResponse<String> list = Api.send(Api.as("demo-all", "domains?q=univ-b").GET());
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("\"name\":\"univ-b.be\""), list.body());
    assertTrue(list.body().contains("\"total\":1"), list.body());

    HttpResponse<String> template = Api.send(Api.as("demo-all", "domains/univ-c.example").GET());
    assertEquals(200, template.statusCode());
    assertTrue(template.headers().firstValue("ETag").isPresent());
    String name = uniqueName("rest-");
    String json =
        template.body().replace("\"name\":\"univ-c.example\"", "\"name\":\"" + name + "\"");
    assertTrue(json.contains(name), json);

    HttpResponse<String> created = Api.json("POST", "demo-all", "domains", json);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created.headers().firstValue("Location").orElse("").endsWith("/api/domains/" + name));
    HttpResponse<String> again = Api.json("POST", "demo-all", "domains", json);
    assertEquals(400, again.statusCode(), again.body());
    assertTrue(again.body().contains("\"key\":\"domain.name.taken\""), again.body());

    String current = Api.send(Api.as("demo-all", "domains/" + name).GET()).body();
    assertTrue(current.contains("\"quotaWarningPercent\":90"), current);
    HttpResponse<String> refused =
        Api.send(
            Api.as("demo-all", "domains/" + name)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "nl-BE, en;q=0.5")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        current.replace(
                            "\"quotaWarningPercent\":90", "\"quotaWarningPercent\":100"))));
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(
        refused
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(refused.body().contains("\"field\":\"quotaWarningPercent\""), refused.body());
    assertTrue(refused.body().contains("Vul een geheel getal van 50 tot 99 in."), refused.body());

    String changed = current.replace("\"quotaStaffMb\":1000", "\"quotaStaffMb\":1500");
    HttpResponse<String> saved = Api.json("PUT", "demo-all", "domains/" + name, changed);
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("\"quotaStaffMb\":1500"), saved.body());
    HttpResponse<String> stale = Api.json("PUT", "demo-all", "domains/" + name, changed);
    assertEquals(409, stale.statusCode(), stale.body());

    assertEquals(404, Api.send(Api.as("demo-all", "domains/nowhere.example").GET()).statusCode());
    assertEquals(403, Api.send(Api.as("demo-registry", "domains").GET()).statusCode());
    assertEquals(401, Api.send(Api.as(null, "domains").GET()).statusCode());
  }

  @Test
  void anAdministratorUploadsARegistryFileFollowsItAndDownloadsTheRejectedLines() throws Exception {
    String batch = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    StringBuilder csv =
        new StringBuilder("registryId;surname;givenNames;username;domain;affiliations\n");
    for (int i = 1; i <= 1500; i++) {
      csv.append(batch).append('-').append(i).append(";Dijkstra;Edsger;").append(batch).append('u');
      csv.append(i).append(";univ-b.be;STAFF:2020-01-01\n");
    }
    csv.append(batch)
        .append("-x1;Dijkstra;Edsger;")
        .append(batch)
        .append("x1;univ-b.be;STAFF:2020-02-30\n");
    csv.append(batch)
        .append("-x2;;Edsger;")
        .append(batch)
        .append("x2;univ-b.be;STAFF:2020-01-01\n");
    // a registry id a spreadsheet would run as a formula, on a line refused for its missing surname
    csv.append("=2+5-").append(batch).append(";;Evil;").append(batch);
    csv.append("x3;univ-b.be;STAFF:2020-01-01\n");
    Path file = Files.createDirectories(Path.of("target", "uploads")).resolve(batch + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    try (Browser browser = new Browser()) {
      browser.login("admin", PASSWORD);
      browser.navigate("#navImports");
      browser.find("#upload\\:start");
      browser.click("#upload\\:start");
      browser.waitForText("#upload", "Choose a registry file.");

      browser
          .driver()
          .findElement(By.cssSelector("#upload input[type=file]"))
          .sendKeys(file.toAbsolutePath().toString());
      browser.click("#upload\\:start");
      browser.waitForText("#messages", "The import of " + batch + ".csv has started.");
      browser.waitForText("#list\\:imports", batch + ".csv");
      browser.screenshot("13-import-running");
      browser.waitForText("#list\\:imports tbody tr:first-child .pr-import-state", "completed");
      browser.waitForText(
          "#list\\:imports tbody tr:first-child .pr-import-lines", "1,503 of 1,503 lines");
      browser.waitForText(
          "#list\\:imports tbody tr:first-child .pr-import-counts",
          "1,500 created, 0 updated, 0 unchanged, 3 rejected");
      browser.waitForText("#list\\:imports tbody tr:first-child .pr-import-progress", "100%");
      browser.screenshot("14-import-completed");

      String report =
          browser
              .find("#list\\:imports tbody tr:first-child a.pr-import-report")
              .getAttribute("href");
      HttpResponse<String> download =
          browser.fetchWithSession(report.substring(report.indexOf("admin/")));
      assertEquals(200, download.statusCode());
      assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
      String[] lines = download.body().replace("\uFEFF", "").split("\r\n");
      assertEquals("Line,Registry id,Reason,Reason code", lines[0]);
      assertEquals(4, lines.length, download.body());
      assertTrue(lines[1].startsWith("1502," + batch + "-x1,"), lines[1]);
      assertTrue(lines[1].contains("STAFF:2020-02-30"), lines[1]);
      assertTrue(lines[1].endsWith(",import.affiliations.format"), lines[1]);
      assertEquals(
          "1503," + batch + "-x2,The surname is missing.,import.surname.required", lines[2]);
      // shown as the text it is, never run: the apostrophe makes a spreadsheet keep it as text
      assertTrue(lines[3].startsWith("1504,'=2+5-" + batch + ","), lines[3]);

      // the result page was got, not posted: reloading it starts nothing
      assertTrue(browser.currentUrl().endsWith("/admin/imports.xhtml"), browser.currentUrl());
      int imports = importRows(browser);
      browser.driver().navigate().refresh();
      browser.waitForText("#list\\:imports tbody tr:first-child .pr-import-state", "completed");
      assertEquals(imports, importRows(browser), "a reload starts no second import");

      // the same file again, straight after: recognised and refused, nothing started
      browser
          .driver()
          .findElement(By.cssSelector("#upload input[type=file]"))
          .sendKeys(file.toAbsolutePath().toString());
      browser.click("#upload\\:start");
      browser.waitForText(
          "#upload", "This file is the same as the last import (" + batch + ".csv, number");
      assertEquals(imports, importRows(browser));
      browser.screenshot("14b-import-same-file");
    }
  }

  private static int importRows(Browser browser) {
    return browser
        .driver()
        .findElements(By.cssSelector("#list\\:imports tbody tr .pr-import-state"))
        .size();
  }
}
