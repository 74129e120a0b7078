package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry feed as another system calls it: JSON over HTTP with an API token. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private HttpResponse<String> post(String user, String json) throws Exception {
    return Api.json("POST", user, "registry/people", json);
  }

  @Test
  void anAdministratorFeedsPeopleAndGetsAReport() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String json =
        """
        [{"registryId":"api-%1$s","givenNames":"Inge","surname":"Vos%1$s","username":"api%1$s",
          "domain":"umail.example-a.nl",
          "affiliations":[{"kind":"STUDENT","startsOn":"2025-09-01"}]},
         {"registryId":"api-%1$s-bad","surname":"Nobody","username":"NOT VALID","domain":"univ-b.be",
          "affiliations":[{"kind":"STAFF","startsOn":"2025-09-01"}]}]
        """
            .formatted(id);
    HttpResponse<String> first = post("demo-all", json);
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"created\":1"), first.body());
    assertTrue(first.body().contains("\"rejected\":1"), first.body());
    assertTrue(first.body().contains("\"key\":\"import.username.invalid\""), first.body());
    assertTrue(first.body().contains("\"index\":2"), first.body());

    HttpResponse<String> again = post("demo-all", json);
    assertTrue(again.body().contains("\"unchanged\":1"), again.body());
  }

  @Test
  void aSchedulingSystemSetsReadsAndSwitchesOffAVacationReply() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String person =
        """
        [{"registryId":"vac-%1$s","givenNames":"Vera","surname":"Verlof","username":"vac%1$s",
          "domain":"univ-b.be","affiliations":[{"kind":"STAFF","startsOn":"2025-09-01"}]}]
        """
            .formatted(id);
    assertTrue(post("demo-all", person).body().contains("\"created\":1"));
    String path = "mailboxes/vac" + id + "@univ-b.be/vacation";
    assertEquals(404, Api.send(Api.as("demo-all", path).GET()).statusCode(), "none yet");

    String reply =
        """
        {"subject":"Away \\"until\\" Monday","body":"Back on 12 January.\\nAsk the desk.",
         "startsOn":"2027-01-02","endsOn":"2027-01-11","intervalDays":3}
        """;
    HttpResponse<String> set = Api.json("PUT", "demo-all", path, reply);
    assertEquals(204, set.statusCode(), set.body());
    HttpResponse<String> read = Api.send(Api.as("demo-all", path).GET());
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"subject\":\"Away \\\"until\\\" Monday\""), read.body());
    assertTrue(read.body().contains("\"endsOn\":\"2027-01-11\""), read.body());
    assertTrue(read.body().contains("\"intervalDays\":3"), read.body());

    // a broken rule (a header with a line break; the end before the start) changes nothing
    HttpResponse<String> injected =
        Api.json(
            "PUT",
            "demo-all",
            path,
            reply
                .replace("Away", "Away\\r\\nBcc: x@example.org")
                .replace("2027-01-11", "2026-12-01"));
    assertEquals(400, injected.statusCode(), injected.body());
    assertTrue(injected.body().contains("\"key\":\"vacation.subject.lineBreak\""), injected.body());
    assertTrue(injected.body().contains("\"key\":\"vacation.endsBeforeStart\""), injected.body());
    assertTrue(Api.send(Api.as("demo-all", path).GET()).body().contains("2027-01-11"), "unchanged");
    HttpResponse<String> unknown =
        Api.json("PUT", "demo-all", "mailboxes/nobody-" + id + "@univ-b.be/vacation", reply);
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("No mailbox has the address"), unknown.body());
    assertEquals(
        403, Api.json("PUT", "demo-registry", path, reply).statusCode(), "outside its scope");

    assertEquals(204, Api.send(Api.as("demo-all", path).DELETE()).statusCode());
    assertEquals(404, Api.send(Api.as("demo-all", path).GET()).statusCode(), "switched off");
  }

  @Test
  void onlyAValidTokenWithinItsScopeOpensTheApi() throws Exception {
    HttpResponse<String> anonymous = post(null, "[]");
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, post("pr_notAToken", "[]").statusCode());
    // a person's password opens nothing here, not even an administrator's
    assertEquals(
        401,
        Api.send(
                Api.withPassword("admin", System.getProperty("it.demo.password"), "registry/people")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[]")))
            .statusCode());
    // a token of the registry scope reaches the feed (an empty list is refused by the feed itself),
    // not the domains
    assertEquals(400, post("demo-registry", "[]").statusCode());
    HttpResponse<String> outOfScope = Api.send(Api.as("demo-registry", "domains").GET());
    assertEquals(403, outOfScope.statusCode());
    assertTrue(outOfScope.body().contains("scope does not cover"), outOfScope.body());
    HttpResponse<String> empty = post("demo-all", "[]");
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("at least one person"), empty.body());
  }

  @Test
  void aScriptQueuesARegistryFileAndFollowsItsJob() throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String csv =
        "registryId,surname,username,domain,affiliations\n"
            + "csv-%1$s,Vos,c%1$s,univ-b.be,STAFF:2024-01-01\n".formatted(id)
            + "csv-%1$s-2,Vos,C %1$s,univ-b.be,STAFF:2024-01-01\n".formatted(id);
    HttpResponse<String> queued =
        Api.send(
            Api.as("demo-all", "registry/imports")
                .header("Content-Type", "text/csv")
                .header("X-File-Name", "feed-" + id + ".csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    assertEquals(202, queued.statusCode(), queued.body());
    String location = queued.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/api/") + 5);
    HttpResponse<String> status = Api.send(Api.as("demo-all", path).GET());
    for (int i = 0; i < 300 && !status.body().contains("\"state\":\"COMPLETED\""); i++) {
      Thread.sleep(100);
      status = Api.send(Api.as("demo-all", path).GET());
    }
    assertTrue(status.body().contains("\"state\":\"COMPLETED\""), status.body());
    assertTrue(status.body().contains("\"created\":1"), status.body());
    assertTrue(status.body().contains("\"rejected\":1"), status.body());
    HttpResponse<String> rejected = Api.send(Api.as("demo-all", path + "/rejected").GET());
    assertTrue(rejected.body().contains("\"line\":3"), rejected.body());
    assertTrue(rejected.body().contains("\"key\":\"import.username.invalid\""), rejected.body());

    HttpResponse<String> notCsv =
        Api.send(
            Api.as("demo-all", "registry/imports")
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "nl")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name\nx\n")));
    assertEquals(400, notCsv.statusCode(), notCsv.body());
    assertTrue(notCsv.body().contains("In de kopregel ontbreken de kolommen"), notCsv.body());
    assertEquals(404, Api.send(Api.as("demo-all", "registry/imports/999999").GET()).statusCode());
  }

  @Test
  void anOperatorRunsTodaysLifecycleNow() throws Exception {
    HttpResponse<String> report =
        Api.send(
            Api.as("demo-all", "accounts/lifecycle")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, report.statusCode(), report.body());
    assertTrue(report.body().contains("\"leaving\":"), report.body());
    HttpResponse<String> again =
        Api.send(
            Api.as("demo-all", "accounts/lifecycle")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertTrue(again.body().contains("\"leaving\":0"), again.body());
    assertEquals(
        403,
        Api.send(
                Api.as("demo-registry", "accounts/lifecycle")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
            .statusCode());
  }

  @Test
  void theApiIsDescribedForItsCallersInOpenApi() throws Exception {
    HttpResponse<String> description =
        Api.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + System.getProperty("it.http.port") + "/openapi"))
                .header("Accept", "application/json")
                .GET());
    assertEquals(200, description.statusCode(), description.body());
    for (String part :
        new String[] {
          "\"/api/registry/people\"",
          "\"/api/domains/{name}\"",
          "\"/api/accounts/lifecycle\"",
          "\"scheme\" : \"bearer\"",
          "Postroom API"
        }) {
      assertTrue(description.body().contains(part), part + " in\n" + description.body());
    }
  }
}
