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
 * An administrator grants and takes away a role on the Roles page, with a reason; the person, who
 * stays logged in meanwhile, has it at the next click and is mailed; the last administrator cannot
 * lose the role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void aGrantedRoleHoldsAtTheNextClickAndEndsTheSameWay() {
    try (Browser person = new Browser();
        Browser admin = new Browser()) {
      person.login("staff3", PASSWORD);
      assertTrue(person.driver().findElements(By.id("menuHelpdesk")).isEmpty());

      admin.login("admin", PASSWORD);
      admin.navigate("#navRoles");
      admin.type("#roles\\:username", "nobody-here");
      admin.click("#roles\\:show");
      admin.waitForText("#roles", "No account with the username nobody-here.");
      admin.type("#roles\\:username", "Staff3");
      admin.click("#roles\\:show");
      admin.waitForText("#who", "Ingrid Solberg – active, login name staff3");
      admin.click(".pr-grant-helpdesk");
      admin.waitForText("#roles", "Give a reason.");
      admin.type("#roles\\:reason", "Manages the lab's mailboxes");
      admin.click(".pr-grant-domain-admin");
      admin.waitForText("#roles", "Choose at least one domain for a domain administrator.");
      admin.type("#roles\\:reason", "Covers the phone during the exams (ticket 4711)");
      admin.click(".pr-grant-helpdesk");
      admin.waitForText("#messages", "Ingrid Solberg is now helpdesk.");
      admin.find(".pr-revoke-helpdesk");
      admin.screenshot("40-roles-granted");

      // no new login: the next click already has the role
      person.open("index.xhtml");
      person.find("#menuHelpdesk");
      person.open("helpdesk/queue.xhtml");
      person.find("#queue");
      Inbox.Mail mail =
          Inbox.await("staff3@univ-b.be", "You have a new role in Postroom: helpdesk");
      assertTrue(mail.body().contains("ticket 4711"), mail.body());
      assertTrue(mail.body().contains("The administrator admin"), mail.body());

      admin.type("#roles\\:reason", "Exams are over");
      admin.click(".pr-revoke-helpdesk");
      admin.waitForText("#messages", "Ingrid Solberg is no longer helpdesk.");
      person.open("helpdesk/queue.xhtml");
      person.find("#notFound");
      Inbox.await("staff3@univ-b.be", "Your role in Postroom has ended: helpdesk");

      // the only administrator keeps the role
      admin.type("#roles\\:username", "admin");
      admin.click("#roles\\:show");
      admin.waitForText("#who", "Alex Admin");
      admin.type("#roles\\:reason", "Leaving the team");
      admin.click(".pr-revoke-admin");
      admin.waitForText("#messages", "This is the last administrator");
      admin.navigate("#navRoles");
      admin.find("#roles\\:username");
    }
  }

  @Test
  void aDomainAdministratorLooksAfterTheDomainsNamedWithTheRole() {
    String mia = "mia.jansen@member-e.example";
    try (Browser person = new Browser();
        Browser admin = new Browser()) {
      person.login("staff3", PASSWORD);
      person.open("domain-admin/mailbox.xhtml?address=" + mia);
      person.find("#notFound");

      admin.login("admin", PASSWORD);
      admin.navigate("#navRoles");
      admin.type("#roles\\:username", "staff3");
      admin.click("#roles\\:show");
      admin.waitForText("#who", "Ingrid Solberg");
      admin.click("#roles\\:domains");
      admin.click("#roles\\:domains_panel li[data-item-value='member-e.example'] .ui-chkbox-box");
      admin.click("#who"); // a click beside the menu closes it
      admin.type("#roles\\:reason", "Looks after the member organisation's mail (ticket 5120)");
      admin.click(".pr-grant-domain-admin");
      admin.waitForText("#messages", "Ingrid Solberg is now domain administrator.");
      admin.waitForText("#grants", "(member-e.example)");
      admin.screenshot("41-domain-admin-named-domains");

      // a domain that is not the account's own: its mailboxes are hers to look after now
      person.open("domain-admin/mailbox.xhtml?address=" + mia);
      person.waitForText("#owner", "Mia Jansen");
      // a domain not named with the role: as if the mailbox did not exist
      person.open("domain-admin/mailbox.xhtml?address=j.de.groot@umail.example-a.nl");
      person.find("#notFound");

      admin.type("#roles\\:reason", "Ticket 5120 closed");
      admin.click(".pr-revoke-domain-admin");
      admin.waitForText("#messages", "Ingrid Solberg is no longer domain administrator.");
      person.open("domain-admin/mailbox.xhtml?address=" + mia);
      person.find("#notFound");
    }
  }
}
