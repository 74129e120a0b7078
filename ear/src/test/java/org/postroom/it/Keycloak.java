package org.postroom.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The tests' identity provider, a real Keycloak that Maven starts before the integration tests
 * (sso/keycloak, realm sso/realm-postroom.json) and stops after them: the tests wait until it
 * answers and sign in on its own login page.
 */
public final class Keycloak {

  public static final String PASSWORD = System.getProperty("it.sso.password");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Keycloak() {}

  public static String base() {
    return "http://127.0.0.1:" + System.getProperty("it.keycloak.port", "18180");
  }

  /** Returns once the realm's discovery document answers; Keycloak may still be starting. */
  public static void await() throws Exception {
    await("postroom");
  }

  /** Returns once this realm's discovery document answers. */
  public static void await(String realm) throws Exception {
    URI discovery = URI.create(base() + "/realms/" + realm + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> answer =
            CLIENT.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    String log = System.getProperty("it.keycloak.log");
    throw new AssertionError(
        "Keycloak did not answer in four minutes; its log ends:\n"
            + (log != null && Files.exists(Path.of(log))
                ? String.join("\n", tail(Files.readAllLines(Path.of(log)), 40))
                : "(no log)"));
  }

  private static java.util.List<String> tail(java.util.List<String> lines, int count) {
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  /** Fills in Keycloak's own login page, on which the browser must be. */
  public static void signIn(Browser browser, String username) {
    signIn(browser, username, PASSWORD);
  }

  /** Fills in Keycloak's own login page with this password (a directory person's own). */
  public static void signIn(Browser browser, String username, String password) {
    browser.find("#kc-login");
    browser.type("#username", username);
    browser.type("#password", password);
    browser.click("#kc-login");
  }
}
