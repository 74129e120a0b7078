package org.postroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.it.Deployments;
import org.postroom.it.RunMark;
import org.postroom.it.TestDomains;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;
import org.postroom.service.sieve.SieveScripts;

/**
 * How fast the provisioning outbox drains into the real Dovecot of the end-to-end stack: {@value
 * #CHANGES} Sieve changes committed at once (as after an outage), from the commit until the last is
 * marked applied, against the same number of raw ManageSieve PUTSCRIPT commands in one connection,
 * timed in the same run. Two shapes: {@value #ROUNDS} changes for each of {@value #FEW} mailboxes
 * (one push settles a mailbox's changes), and one change for each of {@value #CHANGES} mailboxes
 * (one ManageSieve session per change, the worst case). Run with {@code ./mvnw -pl ear verify
 * -De2e.test=OutboxDrainBenchmark -Dit.test=None -Dfailsafe.failIfNoSpecifiedTests=false}; the
 * figures are in {@code ear/target/e2e-server/log/server.log}.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxDrainBenchmark {

  static final int CHANGES = 1_000;
  static final int FEW = 100;
  static final int ROUNDS = CHANGES / FEW;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        OutboxDrainBenchmark.class, RawManageSieve.class, BenchTable.class);
  }

  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject CredentialService credentials;
  @Inject SieveScripts scripts;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static String script(long round, int mailbox) {
    return "require [\"vacation\"];\r\nvacation :days 7 :subject \"Away, round "
        + round
        + "\" \"Mailbox "
        + mailbox
        + " is away this week (round "
        + round
        + "). Ærø, 日本語.\";\r\n";
  }

  @Test
  void outboxDrainAgainstRawPutScript() throws Exception {
    String run = RunMark.next();
    DomainSettings wanted = TestDomains.create(credentials, domains, "drain-", run);
    List<RegistryRecord> people = new ArrayList<>();
    for (int i = 0; i < CHANGES; i++) {
      people.add(
          new RegistryRecord(
              "ob-" + run + i,
              "Bench",
              null,
              null,
              "Person " + i,
              "ob" + run + i,
              wanted.getName(),
              List.of(new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null)),
              false));
    }
    ImportReport imported = as(credentials, "admin", () -> imports.importRecords(people));
    assertEquals(CHANGES, imported.created(), imported.toString());
    List<Mailbox> mailboxes =
        em.createQuery(
                "select m from Mailbox m where m.domain.name = :d order by m.address",
                Mailbox.class)
            .setParameter("d", wanted.getName())
            .getResultList();
    assertEquals(CHANGES, mailboxes.size());

    double few = drain(mailboxes.subList(0, FEW), ROUNDS);
    // one change per mailbox at three sizes: how the drain grows with the mailboxes
    double quarter = drain(mailboxes.subList(0, CHANGES / 4), 1);
    double half = drain(mailboxes.subList(0, CHANGES / 2), 1);
    double many = drain(mailboxes, 1);

    long rawStart = System.nanoTime();
    rawPutScripts(mailboxes.get(0).getAddress());
    double raw = (System.nanoTime() - rawStart) / 1e9;

    System.out.printf(
        "%n=== Outbox drain benchmark (%,d Sieve changes each, real Dovecot, same run) ===%n"
            + "outbox, %4d mailboxes x %2d changes, commit to last applied: %6.2f s %7.1f changes/s%n"
            + "outbox, %4d mailboxes x  1 change,  commit to last applied: %6.2f s %7.1f changes/s%n"
            + "raw PUTSCRIPT, one ManageSieve connection:                  %6.2f s %7.1f scripts/s%n"
            + "ratios (outbox time / raw time): %.2f and %.2f%n",
        CHANGES,
        FEW,
        ROUNDS,
        few,
        CHANGES / few,
        CHANGES,
        many,
        CHANGES / many,
        raw,
        CHANGES / raw,
        few / raw,
        many / raw);
    BenchTable.row(
        "PostgreSQL",
        String.format(
            "outbox, %,d mailboxes × %d changes, against raw PUTSCRIPT in one session",
            FEW, ROUNDS),
        String.format(java.util.Locale.ROOT, "%.1f s", few),
        String.format(java.util.Locale.ROOT, "%.1f s", raw),
        few / raw,
        "≤ 3×",
        few / raw <= 3);
    BenchTable.row(
        "PostgreSQL",
        String.format(
            "outbox, %,d mailboxes × 1 change, against raw PUTSCRIPT in one session", CHANGES),
        String.format(java.util.Locale.ROOT, "%.1f s", many),
        String.format(java.util.Locale.ROOT, "%.1f s", raw),
        many / raw,
        "≤ 3×",
        many / raw <= 3);
    BenchTable.row(
        "PostgreSQL",
        String.format(
            "outbox, one change per mailbox as the mailboxes grow %,d → %,d → %,d",
            CHANGES / 4, CHANGES / 2, CHANGES),
        String.format(java.util.Locale.ROOT, "%.1f s → %.1f s → %.1f s", quarter, half, many),
        "4× the changes",
        many / quarter,
        "linear (≤ 4×)",
        many / quarter <= 4 * 1.1);
  }

  /**
   * Commits {@code rounds} script changes for each mailbox in one transaction and waits until all
   * are applied; answers the seconds from the commit.
   */
  private double drain(List<Mailbox> mailboxes, int rounds) throws Exception {
    List<String> addresses = mailboxes.stream().map(Mailbox::getAddress).toList();
    long before = applied(addresses);
    tx.begin();
    Instant now = Instant.now();
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < mailboxes.size(); i++) {
        scripts.apply(em.merge(mailboxes.get(i)), script(round + before, i), "benchmark", now);
      }
    }
    long start = System.nanoTime();
    tx.commit();
    while (outstanding(addresses) > 0) {
      Thread.sleep(10);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(
        before + (long) rounds * mailboxes.size(), applied(addresses), "each change applied");
    return seconds;
  }

  private long outstanding(List<String> addresses) {
    return count(addresses, ChangeState.PENDING) + count(addresses, ChangeState.FAILED);
  }

  private long applied(List<String> addresses) {
    return count(addresses, ChangeState.APPLIED);
  }

  private long count(List<String> addresses, ChangeState state) {
    return em.createQuery(
            "select count(c) from ProvisioningChange c where c.mailboxAddress in :a"
                + " and c.state = :s",
            Long.class)
        .setParameter("a", addresses)
        .setParameter("s", state)
        .getSingleResult();
  }

  /** The baseline: the same scripts put by one ManageSieve session, one PUTSCRIPT each. */
  private static void rawPutScripts(String address) throws IOException {
    try (RawManageSieve session = new RawManageSieve(address)) {
      for (int round = 1; round <= ROUNDS; round++) {
        for (int i = 0; i < FEW; i++) {
          session.putScript("bench", script(round, i));
        }
      }
    }
  }
}
