package org.postroom.service.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), which Dovecot
 * verifies too (as {@code {ARGON2ID}…}). Parameters follow OWASP's minimum for Argon2id: 19 MiB, 2
 * passes, 1 lane. At most {@link #PARALLEL} hashes run at once on a node, in arrival order: 100
 * logins at once (an attack, a class logging in together) queue instead of taking 19 MiB each and
 * every core, and a real user's login waits its turn rather than starving.
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

  /** Hashes at once on a node: one per core, at least two. */
  static final int PARALLEL = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** The longest a hash waits for its turn before the login is refused as failed. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

  private final Semaphore turns = new Semaphore(PARALLEL, true);

  public String hash(String password) {
    String hashed =
        inTurn(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    if (hashed == null) {
      throw new IllegalStateException("password hashing is busy; nothing was changed");
    }
    return hashed;
  }

  public boolean verify(String password, String hash) {
    if (password == null || hash == null || !hash.startsWith("$argon2id$")) {
      return false;
    }
    Boolean valid =
        inTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    return Boolean.TRUE.equals(valid);
  }

  /** Runs the hashing when a turn is free; null when none came within {@link #WAIT}. */
  private <T> T inTurn(Supplier<T> hashing) {
    boolean turn;
    try {
      turn = turns.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to hash a password", e);
    }
    if (!turn) {
      LOG.warning(
          () -> "Password hashing busy for " + WAIT + ": a login or password change was refused");
      return null;
    }
    try {
      return hashing.get();
    } finally {
      turns.release();
    }
  }

  /**
   * Spends the time of one verification, for callers that must not reveal that an account does not
   * exist.
   */
  public void verifyDecoy(String password) {
    verify(password == null ? "" : password, DECOY);
  }
}
