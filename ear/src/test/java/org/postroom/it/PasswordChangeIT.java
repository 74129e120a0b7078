package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Changing one's own password in a real browser (an employee of University A, whose password
 * Postroom keeps, made for this test alone: it leaves his password changed and changing blocked):
 * every rule refuses with its own message, the meter follows the typing, the change is mailed, the
 * new password logs in and the old one no longer does, and five wrong current passwords block
 * changing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordChangeIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String NEW_PASSWORD = "Tulips along the Amstel 1975";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(People.class);
  }

  private static void attempt(Browser browser, String current, String password, String repeat) {
    browser.type("#change\\:current", current);
    browser.type("#change\\:password", password);
    browser.type("#change\\:repeat", repeat);
    browser.click("#change\\:save");
    // the answer re-renders the form with the passwords emptied: wait for it before typing again
    browser
        .await()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("change:current")).getDomProperty("value").isEmpty());
  }

  @Test
  void anEmployeeChangesHisPassword() throws Exception {
    People.Made employee = People.make(People.Kind.EMPLOYEE);
    String username = employee.username();
    try (Browser browser = new Browser();
        Browser elsewhere = new Browser()) {
      // logged in on another device too
      elsewhere.login(username, PASSWORD);
      browser.login(username, PASSWORD);
      browser.click("#homePassword");

      attempt(browser, "not my password", NEW_PASSWORD, NEW_PASSWORD);
      browser.waitForText("#change", "This is not your current password.");

      browser.waitForText("#change", "At least 10 characters");
      attempt(browser, PASSWORD, "Zq7#vWn!x", "Zq7#vWn!x");
      browser.waitForText("#change", "The password needs at least 10 characters.");

      browser.type("#change\\:password", "password123");
      browser.waitForText("#strength", "very weak");
      attempt(browser, PASSWORD, "password123", "password123");
      browser.waitForText("#change", "This password is too easy to guess");

      String withUsername = "The month of " + username + " 2026";
      attempt(browser, PASSWORD, withUsername, withUsername);
      browser.waitForText("#change", "must not contain your username");

      attempt(browser, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
      browser.waitForText("#change", "The two passwords differ.");

      browser.type("#change\\:password", NEW_PASSWORD);
      browser.waitForText("#strength", "very strong");
      browser.screenshot("23-password-strength");
      attempt(browser, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
      browser.waitForText("#messages", "Your password is changed");
      // the change ends the account's other sessions at their next click, not this one
      elsewhere.open("mailbox.xhtml");
      elsewhere.find("#login\\:username");
      browser.open("mailbox.xhtml");
      browser.find("#session\\:logout");
      browser.screenshot("23b-password-changed-still-here");
      // no recovery or contact address: to his mailbox, in his language (Dutch)
      Inbox.Mail mail = Inbox.await(employee.address(), "Uw Postroom-wachtwoord is gewijzigd");
      assertTrue(mail.body().contains(username), mail.body());

      browser.logout();
      browser.open("login.xhtml");
      browser.type("#login\\:username", username);
      browser.type("#login\\:password", PASSWORD);
      browser.click("#login\\:submit");
      browser.waitForText("body", "The username or password is not correct.");
      browser.login(username, NEW_PASSWORD);
      browser.click("#homePassword");
      for (int i = 0; i < 5; i++) {
        attempt(
            browser, "wrong " + i, "Another long passphrase 2027", "Another long passphrase 2027");
      }
      browser.waitForText("#change", "Too many wrong passwords: try again in 15 minutes.");
      attempt(
          browser, NEW_PASSWORD, "Another long passphrase 2027", "Another long passphrase 2027");
      browser.waitForText("#change", "Too many wrong passwords");
    }
  }
}
