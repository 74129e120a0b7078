package org.postroom.service.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.common.Settings;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.security.PasswordRules;

/**
 * The first administrator of a database without one: {@code POSTROOM_BOOTSTRAP_ADMIN} names the
 * username, honoured at start only while no account holds the role {@code admin}. An existing
 * account (say, from the registry) gets the role; otherwise a local account is made with the
 * password {@code POSTROOM_BOOTSTRAP_ADMIN_PASSWORD} (a break-glass login). Once an admin exists
 * the settings do nothing, so they cannot make a second admin later. Never from demo data.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject AuditLog audit;
  @Inject ClusterLock lock;

  @PostConstruct
  void atStart() {
    Settings.get("postroom.bootstrap.admin")
        .ifPresent(
            username ->
                LOG.info(bootstrap(username, Settings.get("postroom.bootstrap.admin.password"))));
  }

  /** Sets up {@code username} as the first administrator if there is none; says what it did. */
  public String bootstrap(String username, Optional<String> password) {
    // nodes starting together: one looks for an admin and makes one, then the next finds it
    lock.serialize(ClusterLock.STARTUP);
    List<Account> admins =
        em.createQuery("select a from Account a join a.roles r where r = :admin", Account.class)
            .setParameter("admin", Roles.ADMIN)
            .setMaxResults(1)
            .getResultList();
    if (!admins.isEmpty()) {
      return "POSTROOM_BOOTSTRAP_ADMIN ignored: an administrator exists (remove the setting)";
    }
    String name = Account.normalizeUsername(username);
    Instant now = Instant.now();
    Optional<Account> existing =
        em.createQuery("select a from Account a where a.username = :u", Account.class)
            .setParameter("u", name)
            .getResultStream()
            .findFirst();
    Account admin;
    if (existing.isPresent()) {
      admin = existing.get();
    } else {
      String secret = password.orElse("");
      if (!PasswordRules.check(PasswordRules.MIN_LENGTH, name, secret, secret).isEmpty()) {
        return "POSTROOM_BOOTSTRAP_ADMIN not applied: there is no account "
            + name
            + ", and POSTROOM_BOOTSTRAP_ADMIN_PASSWORD is missing or too weak to make one";
      }
      admin = new Account(name, name, null, AccountType.EXTERNAL, "en", List.of(Roles.USER), now);
      admin.changePasswordHash(hasher.hash(secret));
      em.persist(admin);
      em.flush();
    }
    admin.grant(Roles.ADMIN);
    audit.record(
        now, "postroom", AuditAction.ADMIN_BOOTSTRAPPED, RoleService.SUBJECT, admin.getId(), name);
    return "First administrator: " + name + (existing.isPresent() ? "" : " (a new local account)");
  }
}
