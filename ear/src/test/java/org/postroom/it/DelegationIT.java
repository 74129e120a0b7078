package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Hosting provider E: a member organisation's webmaster (domain-admin of member-e.example) sets the
 * forward and vacation reply of one of its people, who sees them read-only and is mailed; the
 * webmaster reaches no mailbox of another domain, and the person no administration page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DelegationIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String MIA = "mia.jansen@member-e.example";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aWebmasterSetsTheForwardAndVacationReplyOfAMemberOfHisDomainOnly() {
    try (Browser browser = new Browser()) {
      browser.login("member", PASSWORD);
      browser.navigate("#navMailbox");
      browser.waitForText("#forwardByDomainAdmin", "set by the domain administrator");
      assertTrue(browser.driver().findElements(By.id("forward")).isEmpty(), "no forward form");
      assertTrue(browser.driver().findElements(By.id("vacation")).isEmpty(), "no vacation form");
      browser.open("domain-admin/mailboxes.xhtml");
      browser.find("#notFound");
      browser.open("index.xhtml");
      browser.logout();

      browser.login("webmaster", PASSWORD);
      browser.navigate("#navDelegation");
      browser.waitForText("#search", "member-e.example");
      browser.type("#search\\:mailboxes\\:globalFilter", "jansen");
      browser.waitForText("#search\\:mailboxes", MIA);
      browser.click("#search\\:mailboxes a.pr-mailbox-link");
      browser.waitForText("#owner", "Mia Jansen");

      browser.type("#forward\\:targets", "mia@home.example");
      browser.click("#forward\\:save");
      browser.waitForText(
          "#forwardNow", "Your mail is forwarded to mia@home.example, and a copy stays here.");
      browser.type("#vacation\\:subject", "Mia is on leave");
      browser.type("#vacation\\:body", "Mia is on leave until March; ask the front desk.");
      browser.click("#vacation\\:save");
      browser.waitForText("#vacationNow", "Replying with \"Mia is on leave\"");
      browser.screenshot("24-webmaster-mailbox");
      Inbox.await(MIA, "Your mail to " + MIA + " is now forwarded");

      // another domain's mailbox: as if it did not exist
      browser.open("domain-admin/mailbox.xhtml?address=j.de.groot@umail.example-a.nl");
      browser.find("#notFound");
      assertTrue(browser.driver().findElements(By.id("forward")).isEmpty(), "no form elsewhere");
      browser.logout();

      browser.login("member", PASSWORD);
      browser.navigate("#navMailbox");
      browser.waitForText("#forwardNow", "forwarded to mia@home.example, and a copy stays here.");
      browser.waitForText("#vacationNow", "Replying with \"Mia is on leave\"");
    }
  }
}
