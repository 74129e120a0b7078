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

/** The registry feed as another system calls it: JSON over HTTP with Basic authentication. */
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
    HttpResponse<String> first = post("admin", json);
    assertEquals(200, first.statusCode(), first.body());
    assertTrue(first.body().contains("\"created\":1"), first.body());
    assertTrue(first.body().contains("\"rejected\":1"), first.body());
    assertTrue(first.body().contains("\"key\":\"import.username.invalid\""), first.body());
    assertTrue(first.body().contains("\"index\":2"), first.body());

    HttpResponse<String> again = post("admin", json);
    assertTrue(again.body().contains("\"unchanged\":1"), again.body());
  }

  @Test
  void withoutCredentialsOrAdministratorRoleNothingHappens() throws Exception {
    HttpResponse<String> anonymous = post(null, "[]");
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(401, post("admin:wrong", "[]").statusCode());
    assertEquals(403, post("helpdesk", "[]").statusCode());
    HttpResponse<String> empty = post("admin", "[]");
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
            Api.as("admin", "registry/imports")
                .header("Content-Type", "text/csv")
                .header("X-File-Name", "feed-" + id + ".csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    assertEquals(202, queued.statusCode(), queued.body());
    String location = queued.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/api/") + 5);
    HttpResponse<String> status = Api.send(Api.as("admin", path).GET());
    for (int i = 0; i < 300 && !status.body().contains("\"state\":\"COMPLETED\""); i++) {
      Thread.sleep(100);
      status = Api.send(Api.as("admin", path).GET());
    }
    assertTrue(status.body().contains("\"state\":\"COMPLETED\""), status.body());
    assertTrue(status.body().contains("\"created\":1"), status.body());
    assertTrue(status.body().contains("\"rejected\":1"), status.body());
    HttpResponse<String> rejected = Api.send(Api.as("admin", path + "/rejected").GET());
    assertTrue(rejected.body().contains("\"line\":3"), rejected.body());
    assertTrue(rejected.body().contains("\"key\":\"import.username.invalid\""), rejected.body());

    HttpResponse<String> notCsv =
        Api.send(
            Api.as("admin", "registry/imports")
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "nl")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name\nx\n")));
    assertEquals(400, notCsv.statusCode(), notCsv.body());
    assertTrue(notCsv.body().contains("In de kopregel ontbreken de kolommen"), notCsv.body());
    assertEquals(404, Api.send(Api.as("admin", "registry/imports/999999").GET()).statusCode());
  }

  @Test
  void anOperatorRunsTodaysLifecycleNow() throws Exception {
    HttpResponse<String> report =
        Api.send(
            Api.as("admin", "accounts/lifecycle")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, report.statusCode(), report.body());
    assertTrue(report.body().contains("\"leaving\":"), report.body());
    HttpResponse<String> again =
        Api.send(
            Api.as("admin", "accounts/lifecycle")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertTrue(again.body().contains("\"leaving\":0"), again.body());
    assertEquals(
        403,
        Api.send(
                Api.as("helpdesk", "accounts/lifecycle")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
            .statusCode());
  }
}
