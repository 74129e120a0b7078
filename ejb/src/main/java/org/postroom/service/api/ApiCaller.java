package org.postroom.service.api;

/**
 * Who calls /api with a token, as far as the token says: its name, and whether its scope covers the
 * path asked for. Empty (see {@link ApiTokenService#caller}) when the token is unknown, revoked or
 * expired.
 */
public record ApiCaller(String tokenName, boolean inScope) {

  /** The name the services see as the caller, and the audit records as the actor. */
  public String principalName() {
    return "api:" + tokenName;
  }
}
