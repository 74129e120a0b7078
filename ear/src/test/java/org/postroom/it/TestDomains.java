package org.postroom.it;

import static org.postroom.it.Caller.as;

import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;

/** Mail domains of a test's own, so that its people and addresses meet no other test's. */
public final class TestDomains {

  private TestDomains() {}

  /**
   * Creates the domain {@code <prefix><run>.example} with the defaults, as the demo administrator,
   * and returns it as created.
   */
  public static DomainSettings create(
      CredentialService credentials, DomainService domains, String prefix, String run)
      throws Exception {
    DomainSettings wanted = DomainSettings.defaults();
    wanted.setName(prefix + run + ".example");
    return as(credentials, "admin", () -> domains.create(wanted));
  }
}
