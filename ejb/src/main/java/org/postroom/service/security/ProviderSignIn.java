package org.postroom.service.security;

/**
 * What Postroom answers when the institution's identity provider vouches for a person: which
 * account they sign in as, or why they may not.
 *
 * @param username the account's username when signed in, else null
 * @param outcome signed in, or the reason for the refusal
 */
public record ProviderSignIn(String username, Outcome outcome) {

  public enum Outcome {
    SIGNED_IN,
    /** The provider knows the person, Postroom has no account for them: nothing is created. */
    UNKNOWN,
    /** The account is closed, suspended or disabled. */
    REFUSED
  }

  static ProviderSignIn signedIn(String username) {
    return new ProviderSignIn(username, Outcome.SIGNED_IN);
  }

  static ProviderSignIn not(Outcome outcome) {
    return new ProviderSignIn(null, outcome);
  }
}
