package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrator describes a domain's mail server in a real browser: a bad host is refused at
 * its field and changes nothing; a POP3 endpoint added is what Thunderbird's autoconfig says at
 * once, and the DNS records to publish follow; a server provisioned through settings of its own
 * names their key.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientSettingsPageIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void anAdministratorAddsAnEndpointThatMailProgramsGetAtOnce() throws Exception {
    try (Browser browser = new Browser()) {
      browser.login("admin", PASSWORD);
      browser.open("admin/domain.xhtml?name=univ-b.be");
      browser.click("#mailServers");
      browser.waitForText("#servers", "mail.univ-b.be");
      browser.waitForText("#dnsRecords", "_imap._tcp.univ-b.be. SRV 0 1 143 imap.univ-b.be.");
      browser.waitForText("#dnsRecords", "_pop3s._tcp.univ-b.be. SRV 0 0 0 .");

      browser.click("#server\\:addEndpoint");
      browser.choose("#server\\:endpoints\\:2\\:protocol", "POP3");
      browser.type("#server\\:endpoints\\:2\\:host", "pop univ-b.be");
      browser.type("#server\\:endpoints\\:2\\:port", "995");
      browser.click("#server\\:save");
      browser.waitForText("#server", "Enter a host name, e.g. imap.example.org.");
      assertTrue(
          AutoconfigIT.autoconfig("/mail/config-v1.1.xml", "ann@univ-b.be").body().indexOf("pop3")
              < 0,
          "nothing changed");

      browser.type("#server\\:endpoints\\:2\\:host", "pop.univ-b.be");
      browser.type("#server\\:endpoints\\:2\\:note", "For one device only");
      browser.click("#server\\:save");
      browser.waitForText("#messages", "The server mail.univ-b.be is saved");
      browser.waitForText("#dnsRecords", "_pop3s._tcp.univ-b.be. SRV 0 1 995 pop.univ-b.be.");
      browser.screenshot("41-admin-mail-servers");
      String answer = AutoconfigIT.autoconfig("/mail/config-v1.1.xml", "ann@univ-b.be").body();
      assertTrue(
          answer.contains(
              "<incomingServer type=\"pop3\"><hostname>pop.univ-b.be</hostname><port>995</port>"),
          answer);
    }
  }

  @Test
  void aServerIsRemovedOnlyWhenNoMailboxLivesOnIt() throws Exception {
    try (Browser browser = new Browser()) {
      browser.login("admin", PASSWORD);
      browser.open("admin/client-settings.xhtml?domain=univ-c.example");
      browser.waitForText("#servers", "mail.univ-c.example");
      browser.click("#list\\:addServer");
      // the form is replaced by the new server's: type only into that one
      browser.waitForText("#server h2", "New server");
      browser.type("#server\\:name", "old.univ-c.example");
      browser.type("#server\\:endpoints\\:0\\:host", "old-imap.univ-c.example");
      browser.type("#server\\:endpoints\\:1\\:host", "old-smtp.univ-c.example");
      browser.click("#server\\:save");
      browser.waitForText("#messages", "The server old.univ-c.example is saved");
      browser.waitForText("#servers", "old.univ-c.example");

      // a Dovecot of its own: a bad key is refused at its field, a good one says what this node
      // lacks
      browser.type("#server\\:provisioning", "9 mail");
      browser.click("#server\\:save");
      browser.waitForText(
          "#server", "A provisioning key is a letter followed by letters and digits");
      browser.type("#server\\:provisioning", "Mail2");
      browser.click("#server\\:save");
      browser.waitForText("#messages", "The server old.univ-c.example is saved");
      browser.waitForText(
          "#server\\:provisioningFound", "This node has no settings POSTROOM_MAILSERVER_MAIL2_*");
      assertEquals("mail2", browser.find("#server\\:provisioning").getAttribute("value"));

      browser.click("#server\\:removeServer");
      browser.click("#server\\:confirmYes");
      browser.waitForText("#messages", "The server old.univ-c.example is removed.");
      browser.await().until(d -> !browser.find("#servers").getText().contains("old.univ-c"));
      browser.waitForText("#servers", "mail.univ-c.example");
      String answer = AutoconfigIT.autoconfig("/mail/config-v1.1.xml", "ann@univ-c.example").body();
      assertTrue(answer.contains("<hostname>imap.univ-c.example</hostname>"), answer);
      // both changes are in the domain's history, where administrators look for them
      browser.open("admin/domain.xhtml?name=univ-c.example");
      browser.waitForText("#history", "Mail server described");
      browser.waitForText("#history", "Mail server removed");

      // Mia Jansen lives on the provider's second server: it stays until she is placed elsewhere
      browser.open("admin/client-settings.xhtml?domain=member-e.example");
      browser.click("#list\\:srv\\:1\\:edit");
      browser.waitForText("#server h2", "mail2.provider-e.example");
      browser.click("#server\\:removeServer");
      browser.click("#server\\:confirmYes");
      browser.waitForText(
          "#messages",
          "One mailbox lives on mail2.provider-e.example: place them on another server");
      browser.waitForText("#servers", "mail2.provider-e.example");
    }
  }
}
