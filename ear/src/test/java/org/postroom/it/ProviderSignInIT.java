package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.ProviderSignIn;
import org.postroom.service.security.ProviderSignIn.Outcome;

/**
 * Which account the identity provider's claim signs in (the browser side is SingleSignOnIT): by
 * username in any case, or by the registry id of the person; refused for a closed or suspended
 * account; nobody for a claim Postroom does not know. The closed account is made inside a
 * transaction that is rolled back.
 */
@ExtendWith(ArquillianExtension.class)
class ProviderSignInIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(ProviderSignInIT.class);
  }

  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  @Test
  void theClaimNamesTheAccountByUsernameOrRegistryId() {
    assertEquals(
        new ProviderSignIn("staff", Outcome.SIGNED_IN),
        credentials.signInVouchedFor(" Staff ".strip(), false));
    assertEquals(
        new ProviderSignIn("employee", Outcome.SIGNED_IN),
        credentials.signInVouchedFor("demo-a-1", true));
    // a username is not a registry id, nor the other way round
    assertEquals(Outcome.UNKNOWN, credentials.signInVouchedFor("demo-a-1", false).outcome());
    assertEquals(Outcome.UNKNOWN, credentials.signInVouchedFor("employee", true).outcome());
    assertEquals(Outcome.UNKNOWN, credentials.signInVouchedFor("visitor", false).outcome());
    assertEquals(Outcome.UNKNOWN, credentials.signInVouchedFor("", false).outcome());
    assertEquals(Outcome.UNKNOWN, credentials.signInVouchedFor(null, true).outcome());
  }

  @Test
  void closedAndSuspendedAccountsAreRefused() throws Exception {
    tx.begin();
    try {
      em.createNativeQuery("update account set state = 'SUSPENDED' where username = 'student2'")
          .executeUpdate();
      em.createNativeQuery("update account set state = 'CLOSED' where username = 'employee'")
          .executeUpdate();
      assertEquals(
          new ProviderSignIn(null, Outcome.REFUSED),
          credentials.signInVouchedFor("STUDENT2", false));
      assertEquals(Outcome.REFUSED, credentials.signInVouchedFor("demo-a-1", true).outcome());
    } finally {
      tx.rollback();
    }
  }
}
