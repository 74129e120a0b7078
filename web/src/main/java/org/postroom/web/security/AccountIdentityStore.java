package org.postroom.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.service.security.CredentialService;

/**
 * Postroom's accounts as the identity store: usernames in any case, Argon2id passwords, roles as
 * groups.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  @Inject CredentialService credentials;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = Account.normalizeUsername(login.getCaller());
    return credentials
        .authenticate(username, login.getPasswordAsString())
        .map(roles -> new CredentialValidationResult(username, Set.copyOf(roles)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
