package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A newcomer of a member organisation of hosting provider E chooses her own address in a real
 * browser: the home page asks her to, bad choices are explained at the field, the confirmed choice
 * gives her the mailbox (and its first mail), and the helpdesk sees it on her account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewcomerIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String ADDRESS = "nora.berg@member-e.example";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aNewcomerChoosesHerAddressOnce() throws Exception {
    try (Browser browser = new Browser()) {
      browser.login("helpdesk", PASSWORD);
      browser.navigate("#navAccounts");
      browser.searchOneAccount("newcomer");
      browser.waitForText("#search\\:accounts_data", "Nora Berg");
      browser.click("#search\\:accounts_data a.pr-account-link");
      browser.waitForText("#registryId", "demo-e-1");
      browser.waitForText("#noMailbox", "the person has still to choose their address");
      browser.logout();

      browser.login("newcomer", PASSWORD);
      browser.click("#homeAddress");
      browser.waitForText("#atDomain", "@member-e.example");
      browser.type("#address\\:localPart", "Nora..Berg");
      browser.click("#address\\:choose");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#address", "The address must not have two dots in a row.");
      browser.type("#address\\:localPart", "postmaster");
      browser.click("#address\\:choose");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#address", "This address is reserved for the mail service itself.");
      browser.screenshot("20-address-choice-errors");
      browser.type("#address\\:localPart", " Nora.Berg ");
      browser.click("#address\\:choose");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "Your address " + ADDRESS + " is ready.");
      browser.waitForText("#held", ADDRESS);
      browser.screenshot("21-address-chosen");
      Inbox.Mail welcome = Inbox.await(ADDRESS, "Your mail address " + ADDRESS);
      assertTrue(welcome.body().contains("Dear Nora Berg"), welcome.body());

      browser.open("");
      browser.waitForText("#welcome", "Nora Berg");
      assertEquals(0, browser.driver().findElements(By.id("homeAddress")).size());
      browser.open("address.xhtml");
      browser.waitForText("#held", ADDRESS);
      assertEquals(0, browser.driver().findElements(By.id("address")).size());
      browser.logout();

      browser.login("helpdesk", PASSWORD);
      browser.navigate("#navAccounts");
      browser.searchOneAccount("newcomer");
      browser.waitForText("#search\\:accounts_data", ADDRESS);
      browser.click("#search\\:accounts_data a.pr-account-link");
      browser.waitForText("#mailboxes", ADDRESS);
      browser.waitForText("#history", "Address chosen");
    }
  }
}
