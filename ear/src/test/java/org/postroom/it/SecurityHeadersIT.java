package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser is told to protect people with, on pages, the API and autoconfiguration alike: no
 * framing by other sites, no content sniffing, no full addresses to other sites; a session cookie
 * that scripts cannot read and other sites' forms do not carry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyAnswerCarriesTheBrowserProtections() throws Exception {
    for (String path :
        List.of(
            "/login.xhtml",
            "/no/such/page.xhtml",
            "/api/domains",
            "/mail/config-v1.1.xml?emailaddress=someone@univ-b.be")) {
      HttpResponse<String> answer = get(path);
      assertEquals("nosniff", header(answer, "X-Content-Type-Options"), path);
      assertEquals("DENY", header(answer, "X-Frame-Options"), path);
      assertTrue(
          answer.headers().allValues("Content-Security-Policy").contains("frame-ancestors 'none'"),
          path);
      assertEquals("same-origin", header(answer, "Referrer-Policy"), path);
      // plain HTTP here: HSTS only where Postroom is reached over HTTPS
      assertEquals("", header(answer, "Strict-Transport-Security"), path);
    }
    // the pages' scripts: only Postroom's own files and the page's inline code with this answer's
    // nonce (PrimeFaces' CSP mode moves every event handler into such code)
    List<String> policies = get("/login.xhtml").headers().allValues("Content-Security-Policy");
    assertTrue(
        policies.stream().anyMatch(p -> p.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'.*")),
        policies.toString());
    String cookie = header(get("/login.xhtml"), "Set-Cookie");
    assertTrue(cookie.startsWith("JSESSIONID="), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void aScriptSlippedIntoAPageDoesNotRunWhileThePageWorks() {
    Browser browser = new Browser();
    try {
      browser.open("login.xhtml");
      assertEquals(List.of(), browser.blockedByContentSecurityPolicy());
      // what an injected <script> or on-attribute would be: refused by the browser
      browser.script(
          "var s = document.createElement('script'); s.textContent = 'window.pwned = true;';"
              + " document.body.appendChild(s);");
      assertEquals(null, browser.script("return window.pwned === undefined ? null : true;"));
      assertTrue(
          browser.blockedByContentSecurityPolicy().toString().contains("script-src"),
          browser.blockedByContentSecurityPolicy().toString());
      // Postroom's own scripts run: the language switch and the login (PrimeFaces ajax) work
      browser.submitLogin("student", System.getProperty("it.demo.password"));
      assertEquals(1, browser.blockedByContentSecurityPolicy().size(), "only the slipped script");
    } finally {
      try {
        browser.close();
      } catch (AssertionError expected) {
        // the injected script, recorded as it should be
      }
    }
  }

  private static String header(HttpResponse<String> answer, String name) {
    return answer.headers().firstValue(name).orElse("");
  }
}
