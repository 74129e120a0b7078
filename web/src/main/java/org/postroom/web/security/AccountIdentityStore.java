package org.postroom.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.postroom.domain.account.Account;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.LoginAttempt;
import org.postroom.web.health.PortalStatus;

/**
 * Postroom's accounts as the identity store: usernames in any case, Argon2id passwords, roles as
 * groups. Logins are throttled per account and per source address; a refused one leaves {@link
 * #THROTTLED_UNTIL} on the request, for the login page to say so.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  /** Request attribute: until when logins are refused (an Instant), when this one was. */
  public static final String THROTTLED_UNTIL = "org.postroom.throttledUntil";

  @Inject CredentialService credentials;
  @Inject HttpServletRequest request;
  @Inject PortalStatus status;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = Account.normalizeUsername(login.getCaller());
    LoginAttempt attempt =
        credentials.logIn(username, login.getPasswordAsString(), request.getRemoteAddr());
    if (attempt.isThrottled()) {
      request.setAttribute(THROTTLED_UNTIL, attempt.throttledUntil());
    }
    status.login(
        attempt.isThrottled() ? "throttled" : attempt.roles() == null ? "refused" : "succeeded");
    return attempt.roles() == null
        ? CredentialValidationResult.INVALID_RESULT
        : new CredentialValidationResult(username, attempt.roles());
  }
}
