package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The "set up your mail program" page in a real browser, with the person's own values: the
 * provider's member Mia Jansen, whose mailbox lives on the provider's second server, gets that
 * server, its webmail and her address as login. (University A's username login: {@code
 * MyMailboxIT}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SetupPageIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void eachPersonSeesTheirOwnServerAndLogin() throws Exception {
    try (Browser browser = new Browser()) {
      browser.login("member", PASSWORD);
      browser.navigate("#navSetup");
      browser.waitForText("#setupLogin", "mia.jansen@member-e.example");
      browser.waitForText("#servers", "mail2.provider-e.example 995 SSL/TLS");
      browser.waitForText("#webmail", "https://webmail2.provider-e.example");
      browser.waitForText("#thunderbird", "mia.jansen@member-e.example");
      browser.screenshot("40-setup");
      HttpResponse<String> profile =
          browser.fetchWithSession(
              browser.find("#appleProfile").getDomAttribute("href").replaceFirst("^/", ""));
      assertEquals(200, profile.statusCode());
      assertTrue(profile.body().contains("<string>mia.jansen@member-e.example</string>"));
      browser.logout();

      // the helpdesk records that her mailbox moved to the first server: programs are told so
      browser.login("helpdesk", PASSWORD);
      browser.open("helpdesk/account.xhtml?username=member");
      browser.waitForText("#placement", "mia.jansen@member-e.example");
      browser.choose("#placement\\:placements\\:0\\:server", "mail1.provider-e.example");
      browser.click("#placement\\:placements\\:0\\:place");
      browser.waitForText(
          "#messages", "mia.jansen@member-e.example now lives on mail1.provider-e.example");
      String answer =
          AutoconfigIT.autoconfig("/mail/config-v1.1.xml", "mia.jansen@member-e.example").body();
      assertTrue(answer.contains("<hostname>mail1.provider-e.example</hostname>"), answer);
      browser.waitForText("#history", "mail1.provider-e.example");
      // and back, as the demo has it
      browser.choose("#placement\\:placements\\:0\\:server", "mail2.provider-e.example");
      browser.click("#placement\\:placements\\:0\\:place");
      browser.waitForText("#messages", "now lives on mail2.provider-e.example");
    }
  }

  /**
   * University B: Sanne de Vries shares the secretariat's mailbox; its server lets members log in
   * with the shared address and their own password, so her page says so, with the reading server
   * and her own login for sending. When the administrator switches that off, the page offers the
   * folder only.
   */
  @Test
  void aMemberSeesHowToOpenASharedMailboxAsAnAccountOfItsOwn() throws Exception {
    String offered =
        "Login secretariaat@univ-b.be with your own password; read mail at imap.univ-b.be 143"
            + " STARTTLS; send with your own login s.devries@univ-b.be.";
    try (Browser browser = new Browser()) {
      browser.login("staff", PASSWORD);
      browser.navigate("#navSetup");
      browser.waitForText("#sharedMailboxes", "shared/secretariaat@univ-b.be");
      browser.waitForText("#sharedMailboxes", offered);
      browser.screenshot("42-setup-shared");
      browser.logout();

      // Pieter Janssens has no mailbox of his own in Postroom: the page gives the shared one only
      browser.login("staff2", PASSWORD);
      browser.navigate("#navSetup");
      browser.waitForText(
          "#sharedMailboxes",
          "Login secretariaat@univ-b.be with your own password; read mail at imap.univ-b.be 143"
              + " STARTTLS; send with your usual login.");
      assertTrue(browser.driver().findElements(By.id("setupLogin")).isEmpty());
      browser.logout();

      browser.login("admin", PASSWORD);
      sharedLogin(browser, false);
      browser.logout();
      browser.login("staff", PASSWORD);
      browser.navigate("#navSetup");
      browser.waitForText("#sharedMailboxes", "Not offered for this mailbox");
      assertTrue(!browser.pageText().contains(offered), browser.pageText());
      browser.logout();

      // back as the demo has it
      browser.login("admin", PASSWORD);
      sharedLogin(browser, true);
    }
  }

  private static void sharedLogin(Browser browser, boolean on) {
    browser.open("admin/client-settings.xhtml?domain=univ-b.be");
    browser.waitForText("#server h2", "mail.univ-b.be");
    boolean ticked =
        browser
            .find("#server\\:sharedLogin .ui-chkbox-box")
            .getAttribute("class")
            .contains("ui-state-active");
    if (ticked != on) {
      browser.click("#server\\:sharedLogin .ui-chkbox-box");
    }
    browser.click("#server\\:save");
    browser.waitForText("#messages", "The server mail.univ-b.be is saved");
  }
}
