package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Roles;
import org.postroom.service.identity.FirstAdmin;
import org.postroom.service.security.CredentialService;

/**
 * The first administrator of a database without one. The test takes every admin role away inside a
 * transaction it rolls back, so that the server's database looks as a fresh one would to the
 * bootstrap, and the other tests keep their admin.
 */
@ExtendWith(ArquillianExtension.class)
class FirstAdminIT {

  private static final String RESCUE_PASSWORD = "Lighthouse keeper 2026";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(FirstAdminIT.class);
  }

  @Inject FirstAdmin firstAdmin;
  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  @Test
  void theSettingMakesTheFirstAdministratorOnlyWhileThereIsNone() throws Exception {
    assertTrue(
        firstAdmin.bootstrap("rescue", Optional.of(RESCUE_PASSWORD)).contains("ignored"),
        "an administrator exists: nothing happens");
    assertEquals(Optional.empty(), credentials.currentRoles("rescue", Instant.now()));

    tx.begin();
    try {
      em.createNativeQuery("delete from account_role where role = 'admin'").executeUpdate();
      assertTrue(
          firstAdmin.bootstrap("rescue", Optional.of("short")).contains("not applied"),
          "no account is made with a weak password");
      assertEquals(
          "First administrator: rescue (a new local account)",
          firstAdmin.bootstrap(" Rescue ", Optional.of(RESCUE_PASSWORD)));
      assertEquals(
          Optional.of(Set.of(Roles.USER, Roles.ADMIN)),
          credentials.authenticate("rescue", RESCUE_PASSWORD),
          "the break-glass login works, as an administrator");
      assertTrue(
          firstAdmin.bootstrap("staff3", Optional.empty()).contains("ignored"),
          "honoured once: a second name does not make a second administrator");
      assertEquals(
          1L,
          em.createQuery(
                  "select count(e) from AuditEntry e where e.action = 'ADMIN_BOOTSTRAPPED'",
                  Long.class)
              .getSingleResult());
    } finally {
      tx.rollback();
    }

    // an account that exists (from the registry, say) is given the role
    tx.begin();
    try {
      em.createNativeQuery("delete from account_role where role = 'admin'").executeUpdate();
      assertEquals("First administrator: staff3", firstAdmin.bootstrap("staff3", Optional.empty()));
      assertTrue(
          credentials.currentRoles("staff3", Instant.now()).orElseThrow().contains(Roles.ADMIN));
    } finally {
      tx.rollback();
    }
    assertTrue(
        credentials.currentRoles("admin", Instant.now()).orElseThrow().contains(Roles.ADMIN));
    assertTrue(
        !credentials.currentRoles("staff3", Instant.now()).orElseThrow().contains(Roles.ADMIN));
  }
}
