package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API tokens as an administrator makes and revokes them, and as another system uses them: the
 * secret is shown once, opens its scope only, its use shows on the page, and a revoked token opens
 * nothing. An administrator's browser session never opens /api.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTokensIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
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

  private static HttpResponse<String> feed(String secret) throws Exception {
    return Api.send(
        Api.as(secret, "registry/people")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[]")));
  }

  @Test
  void aTokenIsShownOnceOpensItsScopeAndIsRevoked() throws Exception {
    String name = "HR feed " + UUID.randomUUID().toString().substring(0, 8);
    browser.login("admin", PASSWORD);
    // the administrator's own session does not open the API
    assertEquals(401, browser.fetchWithSession("api/domains").statusCode());

    browser.navigate("#navApiTokens");
    browser.click("#create\\:submit");
    browser.waitForText("#create", "Please give the token a name.");
    browser.type("#create\\:name", name);
    browser.click("#create\\:submit");
    browser.waitForText("#create\\:issued", "shown only this once");
    String secret = browser.find("#create\\:secret").getAttribute("value");
    assertTrue(secret.startsWith("pr_") && secret.length() > 40, secret);
    browser.screenshot("api-tokens-01-created");

    // the same name again is refused
    browser.type("#create\\:name", name.toUpperCase());
    browser.click("#create\\:submit");
    browser.waitForText("#create", "exists already");

    // another system calls with it: the registry feed is its scope (an empty list is refused by the
    // feed itself), the domains are not
    assertEquals(400, feed(secret).statusCode());
    assertEquals(403, Api.send(Api.as(secret, "domains").GET()).statusCode());

    // once copied, the secret is gone from the page for good
    browser.click("#create\\:copied");
    browser.open("admin/api-tokens.xhtml");
    browser.waitForText("#list\\:tokens", name);
    assertFalse(browser.driver().getPageSource().contains(secret));
    browser.waitForText("#list\\:tokens", "2 calls");

    browser.clickInRow("#list\\:tokens", name, ".pr-revoke");
    browser.click(".ui-confirmdialog-yes");
    browser.waitForText("#messages", "is revoked");
    browser.waitForText("#list\\:tokens", "Revoked");
    browser.screenshot("api-tokens-02-revoked");
    assertEquals(401, feed(secret).statusCode());
  }
}
