package org.postroom.service.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), which Dovecot
 * verifies too (as {@code {ARGON2ID}…}). Parameters follow OWASP's minimum for Argon2id: 19 MiB, 2
 * passes, 1 lane.
 */
@ApplicationScoped
public class PasswordHasher {

  static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);

  /**
   * A fixed hash to verify against when the account is unknown, so that both answers take as long.
   */
  private static final String DECOY =
      Password.hash("decoy-password").addRandomSalt(16).with(ARGON2ID).getResult();

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public boolean verify(String password, String hash) {
    if (password == null || hash == null || !hash.startsWith("$argon2id$")) {
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /**
   * Spends the time of one verification, for callers that must not reveal that an account does not
   * exist.
   */
  public void verifyDecoy(String password) {
    verify(password == null ? "" : password, DECOY);
  }
}
