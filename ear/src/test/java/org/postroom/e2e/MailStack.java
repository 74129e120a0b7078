package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The end-to-end stack's own script ({@code scripts/mail-stack}), for tests that stop and start its
 * Dovecot; from the test JVM or from inside the server, which both have the stack's environment.
 */
public final class MailStack {

  private MailStack() {}

  /** How long the end-to-end tests wait for the outbox and the mail server. */
  static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(120);

  /** Waits until the condition holds, at most {@link #PATIENCE}. */
  static void await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    java.time.Instant until = java.time.Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (java.time.Instant.now().isAfter(until)) {
        throw new AssertionError("waited " + PATIENCE + " for " + what);
      }
      Thread.sleep(200);
    }
  }

  /** Runs {@code mail-stack command} (e.g. {@code dovecot-stop}), at most 60 s; fails unless 0. */
  static void run(String command) throws IOException, InterruptedException {
    String dir = System.getenv("POSTROOM_E2E_STACK_DIR");
    ProcessBuilder builder =
        new ProcessBuilder(System.getenv("POSTROOM_E2E_MAIL_STACK"), command)
            .redirectErrorStream(true)
            .redirectOutput(new File(dir, command + ".log"));
    builder.environment().put("MAIL_STACK_DIR", dir);
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mail-stack " + command + " in time");
    assertEquals(0, process.exitValue(), "mail-stack " + command);
  }

  /**
   * Deletes every mailbox's Sieve storage on the stack's Dovecot, as a restore from a backup
   * without it would.
   */
  static void wipeSieveStorage() throws IOException {
    wipeSieveStorage(Path.of(System.getenv("POSTROOM_E2E_STACK_DIR"), "dovecot", "mail"));
  }

  /** Deletes the Sieve storage of every mailbox under a folder of the stack's mail (a domain's). */
  public static void wipeSieveStorage(Path mail) throws IOException {
    List<Path> storage;
    try (Stream<Path> files = Files.walk(mail)) {
      storage =
          files
              .filter(
                  f ->
                      f.getFileName().toString().equals("sieve")
                          || f.getFileName().toString().equals(".dovecot.sieve"))
              .toList();
    }
    assertTrue(!storage.isEmpty(), "Sieve storage under " + mail);
    for (Path place : storage) {
      try (Stream<Path> inside = Files.walk(place)) {
        for (Path f : inside.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
