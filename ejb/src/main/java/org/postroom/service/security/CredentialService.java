package org.postroom.service.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.service.account.Accounts;

/**
 * Checks a login against Postroom's own accounts: a password of Postroom's, or a person the
 * institution's identity provider vouched for.
 */
@Stateless
@PermitAll
public class CredentialService {

  @Inject Accounts accounts;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottling throttling;

  private static final Logger LOG = Logger.getLogger(CredentialService.class.getName());

  /**
   * The roles of the account if the username (any case) and password match an enabled account. An
   * unknown username costs as much time as a wrong password, so that the answer does not tell which
   * accounts exist. Checked without a source address: the account's own limit still holds.
   */
  public Optional<Set<String>> authenticate(String username, String password) {
    return Optional.ofNullable(logIn(username, password, null).roles());
  }

  /**
   * A login with Postroom's own password, from a source address: refused without checking the
   * password while the account or the address is blocked after too many failures (see {@link
   * LoginThrottling}); every success, failure and refusal is logged for the operators. Runs outside
   * a transaction: a login waiting for its turn to hash (see {@link PasswordHasher}) holds no
   * database connection, so that 100 logins at once do not empty the pool for everyone else.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LoginAttempt logIn(String username, String password, String address) {
    String name = Account.normalizeUsername(username == null ? "" : username);
    Optional<Instant> blocked = throttling.blockedUntil(name, address);
    if (blocked.isPresent()) {
      LOG.info(() -> "Login refused (too many failures): " + name + " from " + address);
      return LoginAttempt.throttled(blocked.get());
    }
    Optional<Account> account = accounts.byUsername(name).filter(Account::canLogIn);
    boolean valid;
    if (account.isEmpty() || account.get().getPasswordHash() == null) {
      hasher.verifyDecoy(password);
      valid = false;
    } else {
      valid = hasher.verify(password, account.get().getPasswordHash());
    }
    if (!valid) {
      LOG.info(() -> "Login failed: " + name + " from " + address);
      countFailure(name, address);
      return LoginAttempt.failed();
    }
    LOG.info(() -> "Logged in: " + name + " from " + address);
    throttling.succeeded(name);
    return LoginAttempt.succeeded(account.get().getRoles());
  }

  /** Two first failures of one key at once both insert its row: the loser counts again. */
  private void countFailure(String name, String address) {
    try {
      throttling.failed(name, address);
    } catch (EJBException race) {
      throttling.failed(name, address);
    }
  }

  /**
   * The account the identity provider's claim names: its username (any case), or with {@code
   * byRegistryId} the registry id of the account's person. Nothing is created for a person Postroom
   * does not know; closed, suspended and disabled accounts are refused.
   */
  public ProviderSignIn signInVouchedFor(String claim, boolean byRegistryId) {
    if (claim == null || claim.isBlank()) {
      return ProviderSignIn.not(ProviderSignIn.Outcome.UNKNOWN);
    }
    List<Account> found =
        byRegistryId
            ? accounts.byRegistryId(claim.strip())
            : accounts.byUsername(claim).stream().toList();
    return found.stream()
        .filter(Account::canLogIn)
        .findFirst()
        .map(a -> ProviderSignIn.signedIn(a.getUsername()))
        .orElseGet(
            () ->
                ProviderSignIn.not(
                    found.isEmpty()
                        ? ProviderSignIn.Outcome.UNKNOWN
                        : ProviderSignIn.Outcome.REFUSED));
  }

  /**
   * The roles a signed-in person holds now, read on every request so that a granted or revoked role
   * holds at their next click, not their next login; empty once the account may no longer log in
   * (closed, suspended, disabled) or its password changed after {@code signedInAt}, which ends the
   * session.
   */
  public Optional<Set<String>> currentRoles(String username, Instant signedInAt) {
    return accounts
        .byUsername(username)
        .filter(a -> a.sessionStands(signedInAt))
        .map(Account::getRoles);
  }
}
