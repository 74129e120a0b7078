package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The login page under repeated failures: the same message for every failure, then a translated one
 * saying that logging in is paused, and for how long.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginPageIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void afterFiveFailuresTheLoginPageSaysLoggingInIsPaused() {
    // a name nobody has: the count is the same for unknown names, and no demo login is blocked
    String guess = "guess" + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = new Browser()) {
      browser.open("login.xhtml");
      for (int i = 0; i < 5; i++) {
        browser.type("#login\\:username", guess);
        browser.type("#login\\:password", "wrong " + i);
        browser.click("#login\\:submit");
        browser.waitForText("#login", "The username or password is not correct.");
      }
      browser.type("#login\\:username", guess);
      browser.type("#login\\:password", "wrong again");
      browser.click("#login\\:submit");
      browser.waitForText("#login", "Too many failed logins");
      assertTrue(browser.pageText().contains("minutes"), browser.pageText());
      browser.screenshot("login-throttled");
    }
  }
}
