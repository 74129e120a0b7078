package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in with the institution's identity provider, a real Keycloak, through its own login page
 * in a real browser: the person comes back to the page that asked, as their Postroom account; one
 * the provider knows and Postroom does not is told so and nothing is made for them; logging out
 * ends the provider's session too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

  private static final String DEMO_PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeAll
  static void identityProviderIsUp() throws Exception {
    Keycloak.await();
  }

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /** From Postroom's login page to the provider's: the button names the institution. */
  private void leaveForTheProvider() {
    browser.waitForText("#sso", "Sign in with University B");
    browser.click("#sso");
    browser.find("#kc-login");
    assertTrue(browser.currentUrl().startsWith(Keycloak.base() + "/realms/postroom/"));
  }

  @Test
  void staffSignInWithTheUniversityAndRequestASharedMailbox() {
    String localPart = "sso" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    browser.open("requests/new.xhtml");
    leaveForTheProvider();
    browser.screenshot("sso-01-keycloak-login");
    Keycloak.signIn(browser, "staff");

    // back at the page that asked for the login, as the Postroom account the claim names
    browser.find("#request\\:localPart");
    assertTrue(browser.currentUrl().contains("/requests/new.xhtml"), browser.currentUrl());
    browser.waitForText("#session\\:who", "Sanne de Vries");
    browser.type("#request\\:localPart", localPart);
    browser.type("#request\\:purpose", "Conference secretariat, requested after signing in");
    browser.chooseMember("pieter", "staff2");
    browser.click("#request\\:submit");
    browser.waitForText("#state", "Waiting for the helpdesk");
    browser.waitForText("#address", localPart + "@univ-b.be");
    browser.screenshot("sso-02-request-submitted");

    // logging out ends the provider's session too: the next sign-in asks for the password again
    browser.logout();
    browser.open("index.xhtml");
    leaveForTheProvider();
    browser.find("#password");
  }

  @Test
  void aRegistryPersonWithoutAPostroomPasswordSignsInWithTheUniversity() throws Exception {
    // imported from the registry: an account, no password of Postroom's
    HttpResponse<String> imported =
        Api.json(
            "POST",
            "demo-all",
            "registry/people",
            """
            [{"registryId":"sso-ruth","givenNames":"Ruth","surname":"Vanneste","username":"ssonew",
              "domain":"univ-b.be","affiliations":[{"kind":"STAFF","startsOn":"2025-09-01"}]}]
            """);
    assertEquals(200, imported.statusCode(), imported.body());

    browser.open("login.xhtml");
    // the provider's password is not one of Postroom's
    browser.type("#login\\:username", "ssonew");
    browser.type("#login\\:password", Keycloak.PASSWORD);
    browser.click("#login\\:submit");
    browser.waitForText("#login", "The username or password is not correct.");
    leaveForTheProvider();
    Keycloak.signIn(browser, "ssonew");
    browser.waitForText("#session\\:who", "Ruth Vanneste");
    // staff of University B, as the registry says: the request form is hers to use
    browser.open("requests/new.xhtml");
    browser.find("#request\\:localPart");
  }

  @Test
  void aStudentSignsInAndReachesOnlyWhatStudentsMay() {
    browser.open("index.xhtml");
    leaveForTheProvider();
    Keycloak.signIn(browser, "student");
    browser.waitForText("#session\\:who", "Lotte Peeters");
    browser.open("requests/new.xhtml");
    assertFalse(browser.pageText().contains("Purpose"), browser.pageText());
  }

  @Test
  void somebodyPostroomDoesNotKnowIsToldSoAndNothingIsCreated() {
    browser.open("index.xhtml");
    leaveForTheProvider();
    Keycloak.signIn(browser, "visitor");
    browser.waitForText("h1", "No mail account for you here");
    browser.waitForText("#refusal", "please ask your helpdesk");
    assertTrue(browser.currentUrl().contains("/signin-refused.xhtml"), browser.currentUrl());
    browser.screenshot("sso-03-refused");
    // not signed in to Postroom
    browser.open("index.xhtml");
    browser.find("#login\\:username");
    // signing out here ends the provider's session, so that someone else can sign in
    browser.open("signin-refused.xhtml?reason=unknown");
    browser.click("#signOut");
    browser.find("#loggedOut");
    leaveForTheProvider();
    browser.find("#password");

    // nothing was made for the visitor: the helpdesk's search finds nobody of that name
    browser.open("login.xhtml");
    browser.login("helpdesk", DEMO_PASSWORD);
    browser.navigate("#navAccounts");
    browser.type("#search\\:accounts\\:globalFilter", "Visitor");
    browser.waitForText("#search\\:accounts_data", "No account matches");
  }

  @Test
  void aForgedOrReplayedAnswerOfTheProviderSignsNobodyIn() {
    browser.open("session/sso/return?code=forged&state=forged");
    browser.waitForText("#ssoFailed", "did not complete");
    browser.open("index.xhtml");
    browser.find("#login\\:username");
  }
}
