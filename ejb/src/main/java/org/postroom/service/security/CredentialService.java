package org.postroom.service.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /**
   * The roles of the account if the username (any case) and password match an enabled account. An
   * unknown username costs as much time as a wrong password, so that the answer does not tell which
   * accounts exist.
   */
  public Optional<Set<String>> authenticate(String username, String password) {
    Optional<Account> account = accounts.byUsername(username).filter(Account::canLogIn);
    if (account.isEmpty() || account.get().getPasswordHash() == null) {
      hasher.verifyDecoy(password);
      return Optional.empty();
    }
    return hasher.verify(password, account.get().getPasswordHash())
        ? Optional.of(account.get().getRoles())
        : Optional.empty();
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
