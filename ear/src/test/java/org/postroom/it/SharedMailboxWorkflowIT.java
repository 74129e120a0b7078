package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The shared-mailbox workflow as people do it, in a real browser against the deployed EAR: staff
 * requests, the helpdesk approves from its queue, the requester sees the mailbox ready and receives
 * the mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SharedMailboxWorkflowIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void staffRequestsHelpdeskApprovesRequesterSeesItReady() {
    String localPart = "lab" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String address = localPart + "@univ-b.be";

    browser.open("requests/new.xhtml");
    browser.find("#login\\:username");
    browser.screenshot("01-login");
    browser.login("staff", PASSWORD);

    browser.open("requests/new.xhtml");
    browser.type("#request\\:localPart", "9-" + localPart);
    browser.type("#request\\:purpose", "Lab secretariat, shared by the lab managers");
    browser.chooseMember("stud", "student");
    browser.click("#request\\:submit");
    browser.waitForText("#request", "The address must start with a letter.");
    browser.waitForText(
        "#request", "Students can only get access together with at least one staff member.");
    browser.screenshot("02-request-form-errors");

    browser.type("#request\\:localPart", localPart.toUpperCase());
    browser.type("#request\\:abbreviations", "lab = laboratory");
    browser.chooseMember("pieter", "staff2");
    browser.screenshot("03-request-form-filled");
    browser.click("#request\\:submit");
    browser.waitForText("#state", "Waiting for the helpdesk");
    browser.waitForText("#address", address);
    assertTrue(browser.pageText().contains("Your request has been submitted"), browser.pageText());
    browser.screenshot("04-request-submitted");
    browser.logout();

    browser.login("helpdesk", PASSWORD);
    browser.open("helpdesk/queue.xhtml");
    browser.type("#queue\\:requests\\:globalFilter", localPart);
    browser
        .await()
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#queue\\:requests_data tr"), 1));
    browser.waitForText("#queue\\:requests_data", address);
    browser.screenshot("05-helpdesk-queue");
    browser.click("#queue\\:requests_data a.pr-request-link");
    browser.waitForText("#members", "Pieter Janssens – staff member, login name staff2");
    browser.screenshot("06-helpdesk-request");
    browser.click("#decision\\:approve");
    browser.waitForText("#state", "Ready");
    browser.waitForText("#mailbox", address + " is ready");
    // no mail server here (the embedded default): the helpdesk is told so, not "a few seconds"
    browser.waitForText("#pending", "no mail server is connected to Postroom yet");
    browser.screenshot("07-helpdesk-approved");
    // and on a member's account page
    browser.navigate("#navAccounts");
    browser.searchOneAccount("staff2");
    browser.click("#search\\:accounts_data a.pr-account-link");
    browser.waitForText("main", address + " (shared) (waiting: no mail server is connected yet)");
    browser.logout();

    browser.login("staff", PASSWORD);
    browser.open("requests/mine.xhtml");
    browser.waitForText("#mine\\:requests_data", address);
    assertTrue(browser.pageText().contains("Ready"), browser.pageText());
    browser.click("#mine\\:requests_data a.pr-request-link");
    browser.waitForText("#pending", "no mail server is connected to Postroom yet");
    assertTrue(!browser.pageText().contains("few seconds"), browser.pageText());
    browser.screenshot("08-my-requests");

    Inbox.Mail approval = Inbox.await("staff@univ-b.be", "Shared mailbox " + address + " is ready");
    assertTrue(
        approval.body().contains("shared/" + address + " in their own mail program"),
        approval.body());
    assertTrue(approval.body().contains("Lotte Peeters (student)"), approval.body());
  }

  @Test
  void aStudentCannotReachTheStaffFormAndPagesSpeakDutch() throws Exception {
    browser.login("STUDENT", PASSWORD);
    browser.open("requests/new.xhtml");
    browser.find("#notFound");
    assertTrue(browser.driver().findElements(By.id("request:submit")).isEmpty());
    browser.open("helpdesk/queue.xhtml");
    browser.find("#notFound");
    browser.screenshot("09-student-forbidden");
    assertEquals(
        404, statusWithBrowserSession("helpdesk/queue.xhtml"), "a forbidden page answers 404");
    assertEquals(404, statusWithBrowserSession("requests/new.xhtml"));
    assertEquals(200, statusWithBrowserSession("requests/mine.xhtml"));

    browser.open("requests/mine.xhtml");
    browser.click("#session .pr-lang:not(.pr-lang-active)");
    browser.waitForText("h1", "Mijn aanvragen");
    browser.screenshot("10-dutch");
  }

  @Test
  void aClickAfterTheSessionExpiredLeadsToTheLoginPageAndBack() {
    browser.login("staff", PASSWORD);
    browser.open("requests/new.xhtml");
    browser.type("#request\\:localPart", "expired");
    // the server no longer knows the browser's session, as after the session timeout
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.driver().manage().addCookie(new Cookie("JSESSIONID", "expired-session", "/"));
    browser.click("#request\\:submit");
    browser.find("#expired");
    browser.waitForText("#expired", "Your session has expired");
    browser.screenshot("11-session-expired");
    browser.submitLogin("staff", PASSWORD);
    browser.find("#request\\:localPart");
    assertTrue(browser.currentUrl().endsWith("/requests/new.xhtml"), browser.currentUrl());
  }

  @Test
  void theHelpdeskFindsAnImportedPersonAndSeesTheirHistory() throws Exception {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String json =
        """
        [{"registryId":"ui-%1$s","givenNames":"Siobhán","infixes":"van der","surname":"O'Brien%1$s",
          "username":"ui%1$s","domain":"umail.example-a.nl",
          "affiliations":[{"kind":"STAFF","startsOn":"2024-02-01"}]}]
        """
            .formatted(id);
    HttpResponse<String> fed = Api.json("POST", "demo-all", "registry/people", json);
    assertTrue(fed.body().contains("\"created\":1"), fed.body());

    browser.login("helpdesk", PASSWORD);
    browser.navigate("#navAccounts");
    browser.searchOneAccount("o'brien" + id);
    browser.waitForText("#search\\:accounts_data", "s.van.der.obrien");
    browser.screenshot("12-helpdesk-accounts");
    browser.click("#search\\:accounts_data a.pr-account-link");
    browser.waitForText("#registryId", "ui-" + id);
    browser.waitForText("#history", "Created from the registry");
    assertTrue(browser.pageText().contains("Siobhán van der O'Brien" + id), browser.pageText());
    browser.screenshot("13-helpdesk-account");
  }

  /** The HTTP status of a page fetched with the browser's session, as a script would see it. */
  private int statusWithBrowserSession(String path) throws Exception {
    return browser.fetchWithSession(path).statusCode();
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhy() {
    browser.open("login.xhtml");
    browser.type("#login\\:username", "staff");
    browser.type("#login\\:password", "not-the-password");
    browser.click("#login\\:submit");
    browser.waitForText("#login", "The username or password is not correct.");
    browser.type("#login\\:username", "nobody-at-all");
    browser.type("#login\\:password", "not-the-password");
    browser.click("#login\\:submit");
    browser.waitForText("#login", "The username or password is not correct.");
  }
}
