package org.postroom.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end stack (scripts/mail-stack) as the cluster test uses it: its PostgreSQL, asked as
 * the superuser over the stack's socket (psql), and Dovecot's Sieve storage on disk.
 */
final class MailStack {

  private final Path dir = Path.of(System.getenv("POSTROOM_E2E_STACK_DIR"));
  private final String port = System.getenv("POSTROOM_E2E_PG_PORT");

  /**
   * Drops the portal database the earlier suites used and makes it anew, empty: the cluster starts
   * as on a new installation (its nodes migrate it), and Dovecot and Postfix read its views.
   */
  void freshDatabase() throws IOException, InterruptedException {
    psql("postgres", "drop database if exists postroom with (force)");
    psql("postgres", "create database postroom owner postroom");
  }

  /** The query's rows, one per line, columns separated by |. */
  String sql(String query) throws IOException, InterruptedException {
    return psql("postroom", query).strip();
  }

  /** {@link #sql}, or "" when the database cannot answer now. */
  String sqlQuietly(String query) {
    try {
      return sql(query);
    } catch (IOException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Postroom's Sieve script of the mailbox as Dovecot stores it ("" when there is none). */
  String sieveScript(String domain, String localPart) throws IOException {
    Path script =
        dir.toRealPath()
            .resolve("dovecot/mail")
            .resolve(domain)
            .resolve(localPart)
            .resolve("sieve/postroom.sieve");
    return Files.exists(script) ? Files.readString(script, StandardCharsets.UTF_8) : "";
  }

  /**
   * What Dovecot holds of Postroom's for a mailbox: its Sieve script and its access lists (each
   * {@code dovecot-acl} under its home, by path), as one text; "" when it holds nothing.
   */
  String scriptsAndGrants(String address) throws IOException {
    String local = address.substring(0, address.indexOf('@'));
    String domain = address.substring(address.indexOf('@') + 1);
    Path home = dir.toRealPath().resolve("dovecot/mail").resolve(domain).resolve(local);
    StringBuilder held = new StringBuilder(sieveScript(domain, local));
    if (Files.isDirectory(home)) {
      try (java.util.stream.Stream<Path> files = Files.walk(home)) {
        for (Path acl :
            files.filter(f -> f.getFileName().toString().equals("dovecot-acl")).sorted().toList()) {
          held.append("\n[")
              .append(home.relativize(acl))
              .append("]\n")
              .append(Files.readString(acl, StandardCharsets.UTF_8));
        }
      }
    }
    return held.toString();
  }

  /**
   * A mail server that lost what Postroom put on it: every mailbox's Sieve storage (scripts and the
   * active link) and every access list. The mail stays.
   */
  void wipeScriptsAndGrants() throws IOException {
    Path mail = dir.toRealPath().resolve("dovecot/mail");
    List<Path> places;
    try (java.util.stream.Stream<Path> files = Files.walk(mail)) {
      places =
          files
              .filter(
                  f ->
                      List.of("sieve", ".dovecot.sieve", "dovecot-acl")
                          .contains(f.getFileName().toString()))
              .toList();
    }
    for (Path place : places) {
      if (!Files.exists(place, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (java.util.stream.Stream<Path> inside = Files.walk(place)) {
        for (Path f : inside.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private String psql(String database, String query) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "psql",
                "-X",
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                dir.resolve("pg").toString(),
                "-p",
                port,
                "-U",
                "postgres",
                "-d",
                database,
                "-c",
                query)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("psql " + query + ": " + output);
    }
    return output;
  }
}
