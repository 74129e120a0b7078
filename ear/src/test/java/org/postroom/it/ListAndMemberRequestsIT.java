package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The other two kinds of request, in a real browser against the deployed EAR: staff request a
 * distribution list, the helpdesk finds it by kind in the queue and approves it, and its owner
 * manages its members on a page of their own; a member of a shared mailbox asks for a colleague to
 * be added, then taken off again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListAndMemberRequestsIT {

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
  void aListRequestIsApprovedFromTheQueueAndItsOwnerManagesTheMembers() {
    String localPart = "conf" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String address = localPart + "@univ-b.be";
    LocalDate lastDay = LocalDate.now().plusDays(40);

    browser.login("staff", PASSWORD);
    browser.open("requests/new.xhtml");
    browser.click("#kindList");
    browser.find("#list\\:localPart");
    // the requester owns it to begin with
    browser.find("#list\\:owners li.ui-autocomplete-token[data-token-value='staff']");
    browser.type("#list\\:localPart", localPart);
    browser.type("#list\\:purpose", "Programme committee of the spring conference");
    browser.type("#list\\:externals", "jan@example.org\nnot-an-address");
    browser.click("#list\\:submit");
    browser.waitForText("#list", "Not a mail address: not-an-address.");
    browser.screenshot("list-01-request-errors");

    browser.choosePerson("#list\\:owners", "pieter", "staff2");
    browser.choosePerson("#list\\:members", "lotte", "student");
    browser.type(
        "#list\\:externals", "Jan Jansen <jan@example.org>,\n\"Nordmann, Kari\" <kari@example.no>");
    browser.choose("#list\\:sendPolicy", "Its members and owners only");
    browser.type("#list\\:endsOn_input", lastDay.toString());
    browser.screenshot("list-02-request-filled");
    browser.click("#list\\:submit");
    browser.waitForText("#state", "Waiting for the helpdesk");
    browser.waitForText("#kind", "Distribution list");
    browser.waitForText("#externals", "kari@example.no");
    browser.waitForText("#sendPolicy", "Its members and owners only");
    Inbox.Mail received =
        Inbox.await("staff@univ-b.be", "Request received: distribution list " + address);
    assertTrue(received.body().contains("jan@example.org"), received.body());
    browser.logout();

    browser.login("helpdesk", PASSWORD);
    browser.open("helpdesk/queue.xhtml");
    browser.choose("#queue\\:requests\\:kindFilter", "Distribution list");
    browser.type("#queue\\:requests\\:globalFilter", localPart);
    browser
        .await()
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#queue\\:requests_data tr"), 1));
    browser.waitForText("#queue\\:requests_data", "Distribution list");
    browser.screenshot("list-03-queue-by-kind");
    browser.click("#queue\\:requests_data a.pr-request-link");
    browser.waitForText("#owners", "Pieter Janssens (staff2)");
    browser.click("#decision\\:approve");
    browser.waitForText("#state", "Ready");
    assertTrue(browser.pageText().contains("the list created"), browser.pageText());
    browser.screenshot("list-04-approved");
    browser.logout();

    Inbox.Mail ready = Inbox.await("staff2@univ-b.be", address);
    assertTrue(ready.body().contains(address), ready.body());

    browser.login("staff", PASSWORD);
    browser.navigate("#navLists");
    browser.waitForText("#lists", address);
    browser.click("#lists a.pr-list-link[href*='" + localPart + "']");
    browser.waitForText("#count", "3");
    browser.waitForText("#members\\:table_data", "kari@example.no");
    assertTrue(
        browser.driver().findElements(By.cssSelector("#members\\:table_data .pr-external")).size()
            == 2,
        browser.pageText());
    browser.screenshot("list-05-owner-members");

    // one bad address in a paste adds none of them
    browser.type("#add\\:addresses", "anna@example.com\nanna at example");
    browser.click("#add\\:addMembers");
    browser.waitForText("#add", "anna at example");
    browser.waitForText("#count", "3");
    browser.type("#add\\:addresses", "anna@example.com; Bo <bo@example.com>\njan@example.org");
    browser.click("#add\\:addMembers");
    browser.waitForText("#messages", "2 members added.");
    browser.waitForText("#count", "5");
    browser.type("#members\\:table\\:globalFilter", "bo@");
    browser
        .await()
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#members\\:table_data tr"), 1));
    browser.click("#members\\:table_data button[id$='remove']");
    browser.click("#members\\:confirmYes");
    browser.waitForText("#messages", "bo@example.com is no longer a member.");
    browser.waitForText("#count", "4");
    browser.screenshot("list-06-owner-changed");
    browser.logout();

    // someone who does not own it does not find it
    browser.login("staff3", PASSWORD);
    browser.open("lists/members.xhtml?address=" + address);
    browser.find("#notFound");
    assertFalse(browser.pageText().contains("kari@example.no"));
  }

  @Test
  void aMemberAsksForAColleagueToBeAddedAndLaterRemoved() {
    String shared = "secretariaat@univ-b.be";
    String reason = "Ingrid covers the secretariat " + UUID.randomUUID().toString().substring(0, 6);

    browser.login("staff", PASSWORD);
    browser.open("requests/change-members.xhtml");
    browser.find("#change\\:mailbox");
    browser.click("#change\\:submit");
    browser.waitForText("#change", "Please say why the members should change.");
    browser.type("#change\\:reason", reason);
    browser.click("#change\\:submit");
    browser.waitForText("#change", "Choose people to add or to remove.");
    browser.choosePerson("#change\\:add", "ingrid", "staff3");
    browser.screenshot("change-01-form");
    browser.click("#change\\:submit");
    browser.waitForText("#kind", "Members of a shared mailbox");
    browser.waitForText("#members", "Ingrid Solberg");
    browser.logout();

    approveLatest("Members of a shared mailbox", reason);
    Inbox.Mail added = Inbox.await("staff3@univ-b.be", shared);
    assertTrue(added.body().contains(shared), added.body());
    Inbox.await("staff@univ-b.be", "Members of " + shared + " changed");

    // the mailbox's history on a member's account page shows it
    browser.login("helpdesk", PASSWORD);
    browser.navigate("#navAccounts");
    browser.searchOneAccount("staff3");
    browser.click("#search\\:accounts_data a.pr-account-link");
    browser.waitForText("main", shared);
    browser.logout();

    // and back: the same member asks for her to be taken off
    String back = "Ingrid is back in her own team " + UUID.randomUUID().toString().substring(0, 6);
    browser.login("staff", PASSWORD);
    browser.open("requests/change-members.xhtml");
    browser.find("#change\\:mailbox");
    browser.type("#change\\:reason", back);
    browser.retry(
        driver -> {
          for (var label : driver.findElements(By.cssSelector("#change\\:remove label"))) {
            if (label.getText().contains("staff3")) {
              label.click();
              return true;
            }
          }
          return false;
        });
    browser.click("#change\\:submit");
    browser.waitForText("#removals", "Ingrid Solberg");
    browser.logout();

    approveLatest("Members of a shared mailbox", back);
    Inbox.await("staff3@univ-b.be", "Your access to the shared mailbox " + shared + " has ended");
  }

  /** The helpdesk finds the open request of this kind by its text and approves it. */
  private void approveLatest(String kind, String purpose) {
    browser.login("helpdesk", PASSWORD);
    browser.open("helpdesk/queue.xhtml");
    browser.choose("#queue\\:requests\\:kindFilter", kind);
    browser.choose("#queue\\:requests\\:stateFilter", "Waiting for the helpdesk");
    browser.waitForText("#queue\\:requests_data", "secretariaat@univ-b.be");
    browser.clickInRow("#queue\\:requests", "secretariaat@univ-b.be", "a.pr-request-link");
    browser.waitForText("#purpose", purpose);
    browser.click("#decision\\:approve");
    browser.waitForText("#state", "Ready");
    browser.screenshot("change-02-approved");
    browser.logout();
  }
}
