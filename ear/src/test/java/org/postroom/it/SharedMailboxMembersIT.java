package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * "Extra users are requested from the helpdesk" (University B): on a person's account page the
 * helpdesk gives access to a shared mailbox and ends it again, in a real browser. Typos and what is
 * no shared mailbox get a clear message and change nothing; the person is mailed each time, with
 * the shared-address login where the mailbox's server allows it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SharedMailboxMembersIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String SHARED = "secretariaat@univ-b.be";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void theHelpdeskGivesAndEndsAccessToASharedMailbox() {
    try (Browser browser = new Browser()) {
      browser.login("helpdesk", PASSWORD);
      browser.open("helpdesk/account.xhtml?username=staff3");
      browser.waitForText("#memberships", "Member of no shared mailbox.");

      browser.type("#membership\\:sharedAddress", "secretariat@univ-b.be");
      browser.click("#membership\\:give");
      browser.waitForText("#messages", "There is no shared mailbox with this address.");
      browser.type("#membership\\:sharedAddress", "s.devries@univ-b.be");
      browser.click("#membership\\:give");
      browser.waitForText("#messages", "s.devries@univ-b.be is not a shared mailbox.");
      browser.waitForText("#memberships", "Member of no shared mailbox.");

      browser.type("#membership\\:sharedAddress", " Secretariaat@univ-b.be ");
      browser.click("#membership\\:give");
      browser.waitForText("#messages", "staff3 now has access to " + SHARED + ".");
      browser.waitForText("#memberships", SHARED);
      browser.waitForText("#history", "Member added");
      browser.screenshot("43-helpdesk-membership");
      Inbox.Mail added =
          Inbox.await("staff3@univ-b.be", "You have access to the shared mailbox " + SHARED);
      assertTrue(added.body().contains("the folder shared/" + SHARED), added.body());
      assertTrue(
          added.body().contains("log in with " + SHARED + " and your own password"),
          "University B's server lets members log in with the shared address: " + added.body());

      browser.click("#membership\\:shared\\:0\\:end");
      browser.click("#confirm\\:yes");
      browser.waitForText("#messages", "staff3 no longer has access to " + SHARED);
      browser.waitForText("#memberships", "Member of no shared mailbox.");
      Inbox.Mail ended =
          Inbox.await("staff3@univ-b.be", "Your access to the shared mailbox " + SHARED);
      assertFalse(ended.body().contains("log in with"), ended.body());
    }
  }

  /** Four eyes: a helpdesk member cannot give themselves access; a second one can. */
  @Test
  void noHelpdeskMemberGivesThemselvesAccess() {
    try (Browser browser = new Browser()) {
      browser.login("helpdesk", PASSWORD);
      browser.open("helpdesk/account.xhtml?username=helpdesk");
      browser.find("#memberships");
      assertFalse(browser.find("#memberships").getText().contains(SHARED));
      browser.type("#membership\\:sharedAddress", SHARED);
      browser.click("#membership\\:give");
      browser.waitForText(
          "#messages",
          "You cannot give yourself access to a shared mailbox: another helpdesk member must add"
              + " you.");
      assertFalse(browser.find("#memberships").getText().contains(SHARED), "nothing changed");
      browser.logout();

      browser.login("helpdesk2", PASSWORD);
      browser.open("helpdesk/account.xhtml?username=helpdesk");
      browser.type("#membership\\:sharedAddress", SHARED);
      browser.click("#membership\\:give");
      browser.waitForText("#messages", "helpdesk now has access to " + SHARED + ".");
      browser.waitForText("#memberships", SHARED);
      browser
          .driver()
          .findElement(
              By.xpath("//ul[@id='memberships']/li[contains(., '" + SHARED + "')]//button"))
          .click();
      browser.click("#confirm\\:yes");
      browser.waitForText("#messages", "helpdesk no longer has access to " + SHARED);
    }
  }
}
