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
 * A person's own mailbox page in a real browser: the demo employee of University A sets a forward
 * (refused first for what it may not be) and a vacation reply with a preview, then stops
 * forwarding; each change of the forward is confirmed by mail, in the account's language. Then the
 * helpdesk removes a forward that bounces, with a reason the owner is mailed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MyMailboxIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String ADDRESS = "j.de.groot@umail.example-a.nl";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void anEmployeeSetsAForwardAndAVacationReplyOnHisMailboxPage() {
    try (Browser browser = new Browser()) {
      browser.login("employee", PASSWORD);
      browser.navigate("#navMailbox");
      browser.waitForText("#address", ADDRESS);
      browser.waitForText("#quota", "the mail server has not reported the use yet");
      browser.waitForText("#forwardNow", "Your mail stays in your mailbox.");

      browser.type("#forward\\:targets", "bob@\nJ.de.Groot@UMAIL.example-a.nl");
      browser.click("#forward\\:save");
      browser.waitForText("#forward", "'bob@' is not a mail address");
      browser.waitForText("#forward", "'" + ADDRESS + "' is this mailbox's own address.");
      browser.waitForText("#forwardNow", "Your mail stays in your mailbox.");

      browser.type("#forward\\:targets", "Colleague@Partner.example");
      browser.click("#forward\\:save");
      browser.waitForText("#messages", "Your forward is saved");
      browser.waitForText(
          "#forwardNow",
          "Your mail is forwarded to colleague@partner.example, and a copy stays here.");
      // in the account's language: Dutch, the domain's default (the page follows the browser)
      Inbox.Mail confirmation =
          Inbox.await(ADDRESS, "Uw mail aan " + ADDRESS + " wordt nu doorgestuurd");
      assertTrue(confirmation.body().contains("colleague@partner.example"), confirmation.body());
      assertTrue(
          confirmation.body().contains("Van elk bericht blijft een kopie"), confirmation.body());

      // an overlong subject is not cut: the field says so as one types, and saving is refused
      String overlong = "Away ".repeat(41);
      browser.type("#vacation\\:subject", overlong);
      browser.waitForText(
          "#vacation\\:subject_counter",
          "5 characters too many (at most 200): shorten the text before saving.");
      assertEquals(205, browser.find("#vacation\\:subject").getAttribute("value").length());
      browser.click("#vacation\\:save");
      browser.waitForText("#vacation", "The subject may have at most 200 characters.");
      browser.waitForText("#vacationNow", "No vacation reply is set.");
      browser.type("#vacation\\:subject", "Away until the 4th");
      assertTrue(
          browser.driver().findElements(By.id("vacation:subject_counter")).isEmpty(),
          "a short text is not counted");
      browser.type(
          "#vacation\\:body", "I am away.\n.\nUrgent: ask \"the office\" \\ ${secretary}.");
      browser.type("#vacation\\:startsOn_input", "2026-12-20");
      browser.type("#vacation\\:endsOn_input", "2026-12-10");
      browser.type("#vacation\\:intervalDays_input", "3");
      browser.click("#vacation\\:save");
      browser.waitForText("#vacation", "The last day must not be before the first day.");
      browser.waitForText("#vacationNow", "No vacation reply is set.");

      browser.type("#vacation\\:endsOn_input", "2027-01-04");
      browser.click("#vacation\\:preview");
      browser.waitForText("#vacation\\:previewBox", "Sent once per sender every 3 days");
      browser.waitForText("#previewSubject", "Away until the 4th");
      browser.waitForText("#previewBody", "Urgent: ask \"the office\" \\ ${secretary}.");
      browser.screenshot("20-mailbox-vacation-preview");
      browser.click("#vacation\\:save");
      browser.waitForText("#messages", "Your vacation reply is saved");
      browser.waitForText(
          "#vacationNow", "Replying with \"Away until the 4th\" from 2026-12-20 until 2027-01-04.");

      browser.click("#forward\\:remove");
      browser.waitForText("#forwardNow", "Your mail stays in your mailbox.");
      Inbox.await(ADDRESS, "Mail aan " + ADDRESS + " wordt niet meer doorgestuurd");
      browser.open("mailbox.xhtml");
      browser.waitForText("#vacationNow", "Away until the 4th");
      browser.screenshot("21-mailbox");

      browser.click("#forward\\:keepCopy");
      browser.type("#forward\\:targets", "list-bouncer@partner.example");
      browser.click("#forward\\:save");
      browser.waitForText("#forwardNow", "forwarded to list-bouncer@partner.example; no copy");

      // his mail program: University A's servers, with his username as login
      browser.navigate("#navSetup");
      browser.waitForText("#setupLogin", "employee");
      browser.waitForText("#servers", "Reading mail (IMAP) imap.example-a.nl 993 SSL/TLS");
      browser.waitForText(
          "#servers", "Sending mail (SMTP) smtp.example-a.nl 25 STARTTLS Or your provider's");
      browser.logout();

      browser.login("helpdesk", PASSWORD);
      browser.open("helpdesk/account.xhtml?username=employee");
      browser.waitForText("#mailboxes", "Forwards to list-bouncer@partner.example, no copy kept");
      browser.waitForText("#mailboxes", "filter rules on · deleted mail kept in the trash");
      browser.click("#removeForward\\:remove");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#removeForward", "Give the reason, which the owner is mailed.");
      browser.type(
          "#removeForward\\:reason", "The target bounces every message back to the sender.");
      browser.click("#removeForward\\:remove");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "The forward of " + ADDRESS + " is removed");
      browser.waitForText("#history", "Forward removed by the helpdesk");
      browser.screenshot("22-helpdesk-forward-removed");
      browser.type("#quota\\:quotaMb", "0");
      browser.click("#quota\\:save");
      browser.waitForText("#quota", "The quota must be from 1 MB to");
      browser.type("#quota\\:quotaMb", "500");
      browser.click("#quota\\:save");
      browser.waitForText("#messages", "The storage of " + ADDRESS + " is now 500 MB");
      browser.waitForText("#mailboxes", "Quota 500 MB");
      browser.waitForText("#history", "Storage changed");
      Inbox.Mail removed =
          Inbox.await(ADDRESS, "De helpdesk heeft het doorsturen van " + ADDRESS + " verwijderd");
      assertTrue(
          removed.body().contains("The target bounces every message back to the sender."),
          removed.body());
    }
  }
}
