package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An alumnus' self-service in a real browser: a graduate of University D (made for this test alone)
 * orders an alumni address, later forgets the password, asks for help without logging in, the
 * helpdesk sends a one-time link, and the link sets a new password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlumniSelfServiceIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String ALUMNI_PASSWORD = "Northern lights over Tromsø";
  private static final String NEW_PASSWORD = "Midnight sun in Bodø 2027";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  @Test
  void aGraduateOrdersAnAlumniAddressAndGetsAForgottenPasswordBack() throws Exception {
    People.Made graduate = People.make(People.Kind.GRADUATE);
    String username = graduate.username();
    String alumniAddress = username + "@alumni.univ-d.no";
    String recovery = "ola." + username + "@example.org";
    String phone = username + "@phone.example";
    try (Browser browser = new Browser()) {
      browser.login(username, PASSWORD);
      browser.click("#homeAlumni");
      browser.waitForText("#offer", alumniAddress);
      browser.type("#alumni\\:recovery", "ola@univ-b.be");
      browser.type("#alumni\\:password", username + "2026");
      browser.type("#alumni\\:repeat", username + "2026");
      browser.click("#alumni\\:order");
      browser.waitForText("#alumni", "The recovery address must be outside the institution");
      browser.waitForText("#alumni", "The password must not contain your username.");
      browser.screenshot("15-alumni-errors");
      browser.type("#alumni\\:recovery", recovery);
      browser.type("#alumni\\:password", ALUMNI_PASSWORD);
      browser.type("#alumni\\:repeat", ALUMNI_PASSWORD);
      browser.click("#alumni\\:order");
      // someone at a browser the graduate left signed in cannot order it
      browser.waitForText("#alumni", "This is not your current password.");
      browser.type("#alumni\\:current", PASSWORD);
      browser.type("#alumni\\:password", ALUMNI_PASSWORD);
      browser.type("#alumni\\:repeat", ALUMNI_PASSWORD);
      browser.click("#alumni\\:order");
      browser.waitForText("#messages", "Your alumni address " + alumniAddress + " is ready.");
      browser.waitForText("#held", alumniAddress);
      browser.screenshot("16-alumni-ordered");
      // University D writes to its people in Norwegian (the domain's default language)
      Inbox.await(recovery, "Alumniadressen din " + alumniAddress);
      // and where Postroom reached the graduate before, so that an order by someone else is seen
      Inbox.Mail notice =
          Inbox.await(graduate.address(), "En alumniadresse er bestilt for kontoen din");
      assertTrue(notice.body().contains(recovery), notice.body());
      browser.logout();

      browser.open("login.xhtml");
      browser.click("#login\\:forgot");
      browser.type("#forgot\\:identity", alumniAddress);
      browser.type("#forgot\\:contact", phone);
      browser.type("#forgot\\:message", "I forgot my alumni password; call me if needed.");
      browser.click("#forgot\\:send");
      browser.waitForText("#sent", "If we know the account, the helpdesk will get back to you");
      String answerForKnown = browser.find("#sent").getText();
      // post-redirect-get: reloading the answer files no second request
      assertTrue(browser.currentUrl().endsWith("/password/forgot.xhtml?sent=true"));
      browser.driver().navigate().refresh();
      browser.waitForText("#sent", answerForKnown);
      browser.open("password/forgot.xhtml");
      browser.type("#forgot\\:identity", "nobody.at.all@alumni.univ-d.no");
      browser.type("#forgot\\:contact", "who@phone.example");
      browser.click("#forgot\\:send");
      browser.waitForText("#sent", answerForKnown);
      browser.screenshot("17-forgot-password-sent");

      browser.login("helpdesk", PASSWORD);
      browser.navigate("#navHelp");
      browser.waitForText("#help\\:requests", phone);
      assertEquals(
          1,
          browser
              .driver()
              .findElements(org.openqa.selenium.By.cssSelector("#help\\:requests tbody tr"))
              .stream()
              .filter(row -> row.getText().contains(phone))
              .count(),
          "one request, however often the answer was reloaded");
      browser.waitForText("#help\\:requests", "No account matches");
      browser.screenshot("18-help-requests");
      browser.click("#help\\:requests tr:has(.pr-help-recovery) .pr-help-send");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "A reset link has been sent to " + recovery + ".");
      browser.logout();

      Inbox.Mail mail = Inbox.await(recovery, "Tilbakestill Postroom-passordet ditt");
      Matcher link =
          Pattern.compile("https?://\\S+/(password/reset\\.xhtml\\?token=\\S+)")
              .matcher(mail.body());
      assertTrue(link.find(), mail.body());
      browser.open(link.group(1));
      browser.waitForText("#reset", "Choose a new password for the account " + username + ".");
      browser.type("#reset\\:password", NEW_PASSWORD);
      browser.type("#reset\\:repeat", "something else");
      browser.click("#reset\\:save");
      browser.waitForText("#reset", "The two passwords differ.");
      browser.type("#reset\\:password", NEW_PASSWORD);
      browser.type("#reset\\:repeat", NEW_PASSWORD);
      browser.click("#reset\\:save");
      browser.waitForText("#done", "Your password has been changed.");
      browser.screenshot("19-password-reset");
      browser.open(link.group(1));
      browser.waitForText("#invalid", "This link is not valid");

      browser.login(username, NEW_PASSWORD);
      browser.find("#session\\:who");
    }
  }
}
