package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The helpdesk finds people as it hears their names on the phone: without the accents, with or
 * without the spaces of a name's infix, and all the accounts of a domain by its name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountSearchIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void namesAreFoundAsTheyAreHeardAndDomainsByTheirName() throws Exception {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    HttpResponse<String> fed =
        Api.json(
            "POST",
            "demo-all",
            "registry/people",
            """
            [{"registryId":"as-%1$s","givenNames":"Jürgen","infixes":"de","surname":"Müller%1$s",
              "username":"as%1$s","domain":"umail.example-a.nl",
              "affiliations":[{"kind":"STAFF","startsOn":"2024-02-01"}]}]
            """
                .formatted(id));
    assertTrue(fed.body().contains("\"created\":1"), fed.body());

    try (Browser browser = new Browser()) {
      browser.login("helpdesk", PASSWORD);
      browser.navigate("#navAccounts");
      for (String heard :
          List.of("muller" + id, "demuller" + id, "de muller" + id, "DE MÜLLER" + id, "jurgen")) {
        browser.searchOneAccount(heard);
        browser.waitForText("#search\\:accounts_data", "as" + id);
      }
      browser.screenshot("account-search-accents");

      // a domain: by its name or as the end of an address, also people who have no mailbox yet.
      // The filter runs at every key typed, and the last search's rows were all of that domain,
      // so everyone is listed first ("@"): the domain's rows below can only be its own filter's
      browser.type("#search\\:accounts\\:globalFilter", "@");
      browser.await().until(d -> !usernamesOutside(browser, "umail.example-a.nl").isEmpty());
      browser.type("#search\\:accounts\\:globalFilter", "@umail.example-a.nl");
      browser.waitForText("#search\\:accounts_data", "@umail.example-a.nl");
      browser
          .await()
          .until(
              d ->
                  (Boolean) browser.script("return PrimeFaces.ajax.Queue.isEmpty();")
                      && usernamesOutside(browser, "umail.example-a.nl").isEmpty());
      assertEquals(List.of(), usernamesOutside(browser, "umail.example-a.nl"));
      browser.type("#search\\:accounts\\:globalFilter", "member-e.example");
      browser.waitForText("#search\\:accounts_data", "newcomer");
      browser.waitForText("#search\\:accounts_data", "webmaster");
    }
  }

  /** Rows of the result whose address is of another domain (rows without one are left out). */
  @SuppressWarnings("unchecked")
  private static List<String> usernamesOutside(Browser browser, String domain) {
    // read in one go by the page itself: the table may be replaced by the search meanwhile
    List<String> rows =
        (List<String>)
            browser.script(
                "return Array.from(document.querySelectorAll('#search\\\\:accounts_data tr'))"
                    + ".map(function (row) { return row.innerText; });");
    return rows.stream().filter(row -> row.contains("@") && !row.contains("@" + domain)).toList();
  }
}
