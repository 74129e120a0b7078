package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thunderbird's autoconfiguration as a mail program asks for it, without logging in, for the demo
 * domains' published settings: the answer is the domain's server (a mailbox's own where its domain
 * has several), the same for an address that exists and one that does not, cacheable; an unknown
 * domain is 404 and what is no address 400.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AutoconfigIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  static HttpResponse<String> autoconfig(String path, String address) throws Exception {
    String query =
        address == null
            ? ""
            : "?emailaddress=" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    URI uri = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + path + query);
    return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anyAddressOfAServedDomainGetsItsServerWithoutLoggingIn() throws Exception {
    HttpResponse<String> employee =
        autoconfig("/mail/config-v1.1.xml", "J.de.Groot@umail.example-a.nl");
    assertEquals(200, employee.statusCode(), employee.body());
    assertTrue(
        employee.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    assertEquals("public, max-age=3600", employee.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(
        employee
            .body()
            .contains(
                "<hostname>imap.example-a.nl</hostname><port>993</port>"
                    + "<socketType>SSL</socketType>"),
        employee.body());
    assertTrue(employee.body().contains("<port>25</port><socketType>STARTTLS</socketType>"));

    HttpResponse<String> nobody = autoconfig("/mail/config-v1.1.xml", "nobody@umail.example-a.nl");
    assertEquals(employee.body(), nobody.body(), "no telling who exists");
    assertEquals(
        employee.body(),
        autoconfig("/.well-known/autoconfig/mail/config-v1.1.xml", "j.de.groot@umail.example-a.nl")
            .body());
  }

  /** University D: "username without @alumni.univ-d.no", which Mozilla's format can say. */
  @Test
  void alumniAreToldToLogInWithTheirUsername() throws Exception {
    String graduate = autoconfig("/mail/config-v1.1.xml", "graduate@alumni.univ-d.no").body();
    assertTrue(graduate.contains("<username>%EMAILLOCALPART%</username>"), graduate);
    assertFalse(graduate.contains("%EMAILADDRESS%"), graduate);
    assertEquals(
        graduate,
        autoconfig("/mail/config-v1.1.xml", "nobody@alumni.univ-d.no").body(),
        "no telling who exists");
    String employee = autoconfig("/mail/config-v1.1.xml", "j.de.groot@umail.example-a.nl").body();
    assertTrue(employee.contains("<username>%EMAILADDRESS%</username>"), employee);
  }

  @Test
  void appleDevicesGetAProfileWithTheServer() throws Exception {
    HttpResponse<String> profile =
        autoconfig("/mail/apple.mobileconfig", "mia.jansen@member-e.example");
    assertEquals(200, profile.statusCode(), profile.body());
    assertEquals(
        "application/x-apple-aspen-config",
        profile.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
    assertTrue(profile.body().contains("<string>com.apple.mail.managed</string>"));
    assertTrue(
        profile
            .body()
            .contains(
                "<key>IncomingMailServerHostName</key>"
                    + "<string>mail2.provider-e.example</string>"),
        profile.body());
    assertEquals(404, autoconfig("/mail/apple.mobileconfig", "a@elsewhere.example").statusCode());
    assertEquals(400, autoconfig("/mail/apple.mobileconfig", "a b@c.example").statusCode());
  }

  @Test
  void aMailboxOnTheProvidersSecondServerGetsThatServer() throws Exception {
    String mia = autoconfig("/mail/config-v1.1.xml", "mia.jansen@member-e.example").body();
    assertTrue(mia.contains("<hostname>mail2.provider-e.example</hostname>"), mia);
    String other = autoconfig("/mail/config-v1.1.xml", "someone@member-e.example").body();
    assertTrue(other.contains("<hostname>mail1.provider-e.example</hostname>"), other);
  }

  @Test
  void unknownDomainsAndMalformedAddressesAreRefused() throws Exception {
    assertEquals(
        404, autoconfig("/mail/config-v1.1.xml", "someone@elsewhere.example").statusCode());
    for (String malformed :
        new String[] {null, "", "no-at-sign", "a@b.example\r\nX-Injected: 1", "<a@b.example>"}) {
      assertEquals(
          400,
          autoconfig("/mail/config-v1.1.xml", malformed).statusCode(),
          String.valueOf(malformed));
    }
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + path);
    return CLIENT.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String outlookRequest(String address) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas"
        + ".microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>"
        + address
        + "</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/"
        + "autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request>"
        + "</Autodiscover>";
  }

  @Test
  void outlookGetsTheServersByAutodiscover() throws Exception {
    HttpResponse<String> answer =
        post("/Autodiscover/Autodiscover.xml", outlookRequest("someone@univ-c.example"));
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(
        answer
            .body()
            .contains("<Type>IMAP</Type><Server>imap.univ-c.example</Server><Port>143" + "</Port>"),
        answer.body());
    assertTrue(answer.body().contains("<LoginName>someone@univ-c.example</LoginName>"));
    assertTrue(answer.body().contains("<Type>SMTP</Type><Server>mx.univ-c.example</Server>"));
    assertEquals(
        404,
        post("/autodiscover/autodiscover.xml", outlookRequest("a@elsewhere.example")).statusCode());
    assertEquals(
        400, post("/autodiscover/autodiscover.xml", outlookRequest("a\r\nb")).statusCode());
    assertEquals(
        400,
        post(
                "/autodiscover/autodiscover.xml",
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>")
            .statusCode());

    HttpResponse<String> json =
        autoconfig(
            "/autodiscover/autodiscover.json/v1.0/someone@univ-c.example?Protocol=AutodiscoverV1",
            null);
    assertEquals(200, json.statusCode(), json.body());
    assertEquals(
        "{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"http://127.0.0.1:"
            + System.getProperty("it.http.port")
            + "/autodiscover/autodiscover.xml\"}",
        json.body());
    assertEquals(
        400,
        autoconfig(
                "/autodiscover/autodiscover.json/v1.0/someone@univ-c.example?Protocol=Rest", null)
            .statusCode());
  }
}
