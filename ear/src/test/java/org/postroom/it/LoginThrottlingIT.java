package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.LoginThrottle;
import org.postroom.domain.account.Roles;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.LoginAttempt;
import org.postroom.service.security.PasswordHasher;

/**
 * Login throttling, counted in the database: an account after {@value LoginThrottle#ACCOUNT_MAX}
 * failures and an address after {@value LoginThrottle#ADDRESS_MAX} are refused whatever the
 * password; a success forgives the account's failures. And 100 wrong logins at once: they queue for
 * the bounded password hashing, the heap stays small and a real login still gets through (the
 * figures are printed, not asserted: this machine is shared).
 */
@ExtendWith(ArquillianExtension.class)
class LoginThrottlingIT {

  private static final String PASSWORD = "Quiet harbour lamps 2026";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(LoginThrottlingIT.class);
  }

  @Inject CredentialService credentials;
  @Inject PasswordHasher hasher;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  /** An account of its own, so that blocking it disturbs no other test. */
  private String newAccount() throws Exception {
    String username = "thr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    tx.begin();
    Account account =
        new Account(
            username,
            "Throttle Test",
            username + "@example.org",
            AccountType.STAFF,
            "en",
            List.of(Roles.USER, Roles.STAFF),
            Instant.now());
    account.changePasswordHash(hasher.hash(PASSWORD));
    em.persist(account);
    tx.commit();
    return username;
  }

  private static String address() {
    // an address of the documentation range per test run, shared by no other test
    return "192.0.2." + (1 + (int) (Math.random() * 250));
  }

  @Test
  void anAccountIsBlockedAfterTooManyFailuresWhateverThePassword() throws Exception {
    String username = newAccount();
    String from = "198.18.0." + (1 + (int) (Math.random() * 250));
    for (int i = 0; i < LoginThrottle.ACCOUNT_MAX - 1; i++) {
      assertNull(credentials.logIn(username, "wrong " + i, from).roles());
    }
    // a success before the limit forgives the failures
    assertNotNull(credentials.logIn(username, PASSWORD, from).roles());
    for (int i = 0; i < LoginThrottle.ACCOUNT_MAX; i++) {
      LoginAttempt failed = credentials.logIn(username.toUpperCase(), "wrong " + i, from);
      assertNull(failed.roles());
      assertFalse(failed.isThrottled(), "the failures themselves are answered as failures");
    }
    LoginAttempt refused = credentials.logIn(username, PASSWORD, "198.19.0.1");
    assertTrue(refused.isThrottled(), "blocked from any address, with the right password too");
    assertNull(refused.roles());
    assertTrue(
        refused
            .throttledUntil()
            .isAfter(Instant.now().plus(LoginThrottle.WINDOW).minusSeconds(60)));
    // an unknown username is counted the same way: the answer does not tell who exists
    String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < LoginThrottle.ACCOUNT_MAX; i++) {
      assertFalse(credentials.logIn(nobody, "x", from).isThrottled());
    }
    assertTrue(credentials.logIn(nobody, "x", from).isThrottled());
  }

  @Test
  void anAddressIsBlockedAfterTooManyFailuresOfAnyAccounts() throws Exception {
    String username = newAccount();
    String from = address();
    for (int i = 0; i < LoginThrottle.ADDRESS_MAX; i++) {
      assertFalse(credentials.logIn("guess" + i + from, "wrong", from).isThrottled());
    }
    assertTrue(credentials.logIn(username, PASSWORD, from).isThrottled());
    // the same account from elsewhere is not blocked
    assertNotNull(credentials.logIn(username, PASSWORD, "198.51.100.250").roles());
  }

  @Test
  void aHundredWrongLoginsAtOnceNeitherExhaustTheHeapNorStarveARealLogin() throws Exception {
    String username = newAccount();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    long alone = System.nanoTime();
    assertNotNull(credentials.logIn(username, PASSWORD, "203.0.113.9").roles());
    alone = System.nanoTime() - alone;

    AtomicLong peak = new AtomicLong(before);
    ExecutorService pool = Executors.newFixedThreadPool(101);
    try {
      Future<?> sampler =
          pool.submit(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      long start = System.nanoTime();
      List<Future<LoginAttempt>> attacks = new ArrayList<>();
      String run = UUID.randomUUID().toString().substring(0, 6);
      for (int i = 0; i < 100; i++) {
        String from = "198.51.100." + (i + 1);
        String guess = "attack" + run + i;
        attacks.add(pool.submit(() -> credentials.logIn(guess, "wrong password", from)));
      }
      Thread.sleep(50);
      long real = System.nanoTime();
      LoginAttempt user = credentials.logIn(username, PASSWORD, "203.0.113.10");
      real = System.nanoTime() - real;
      for (Future<LoginAttempt> attack : attacks) {
        assertNull(attack.get(2, TimeUnit.MINUTES).roles());
      }
      long all = System.nanoTime() - start;
      sampler.cancel(true);
      assertNotNull(user.roles(), "the real user logged in while 100 wrong logins ran");
      System.out.printf(
          "Login under 100 parallel wrong logins: real login answered in %.2f s (%.1f× its time"
              + " alone, %.3f s); all 100 answered in %.2f s; heap used %d MB before, %d MB at"
              + " most (bounded hashing: %d at a time, 19 MiB each)%n",
          real / 1e9,
          (double) real / alone,
          alone / 1e9,
          all / 1e9,
          before >> 20,
          peak.get() >> 20,
          Math.max(2, Runtime.getRuntime().availableProcessors()));
      assertEquals(100, attacks.size());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
    }
  }
}
