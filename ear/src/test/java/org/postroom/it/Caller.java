package org.postroom.it;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postroom.domain.account.Account;
import org.postroom.service.account.Accounts;
import org.postroom.service.common.Settings;
import org.postroom.service.security.CredentialService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Runs code inside the server as a demo user: the user logs in through Postroom's own credential
 * check (the one the login page uses), and the roles it grants become the identity that the EJB
 * container checks.
 */
public final class Caller {

  private Caller() {}

  public static <T> T as(CredentialService credentials, String username, Callable<T> action)
      throws Exception {
    return as(credentials, username, Settings.get("postroom.demo.password").orElseThrow(), action);
  }

  /** As a user who logs in with a password of their own (not the demo password). */
  public static <T> T as(
      CredentialService credentials, String username, String password, Callable<T> action)
      throws Exception {
    Set<String> roles =
        credentials
            .authenticate(username, password)
            .orElseThrow(() -> new AssertionError("demo login failed for " + username));
    return withRoles(username, roles, action);
  }

  /**
   * As a registry person signed in by the institution's own login, who has no password of
   * Postroom's: with the roles of their account, as that login grants them.
   */
  public static <T> T asSignedIn(Accounts accounts, String username, Callable<T> action)
      throws Exception {
    Account account =
        accounts
            .byUsername(username)
            .filter(Account::canLogIn)
            .orElseThrow(() -> new AssertionError("no account that may log in: " + username));
    return withRoles(username, account.getRoles(), action);
  }

  private static <T> T withRoles(String username, Set<String> roles, Callable<T> action)
      throws Exception {
    SecurityIdentity identity =
        SecurityDomain.getCurrent()
            .createAdHocIdentity(username)
            .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)));
    try {
      return identity.runAs((PrivilegedExceptionAction<T>) action::call);
    } catch (PrivilegedActionException e) {
      throw e.getException();
    }
  }

  public static void run(CredentialService credentials, String username, ThrowingRunnable action)
      throws Exception {
    as(
        credentials,
        username,
        () -> {
          action.run();
          return null;
        });
  }

  /** A piece of test code that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
