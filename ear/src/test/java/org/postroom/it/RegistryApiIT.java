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
}
