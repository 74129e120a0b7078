package org.postroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.e2e.MailStack;
import org.postroom.it.Deployments;
import org.postroom.it.RunMark;
import org.postroom.it.TestDomains;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.provisioning.ReconcileService;
import org.postroom.service.security.CredentialService;

/**
 * How long a reconcile takes to rebuild a wiped Dovecot (as after a restore, or a disaster
 * recovery's import): {@value #MAILBOXES} mailboxes, each with a Sieve script Postroom wants and
 * the server lacks, from the start of the run until the outbox applied the last repair; against the
 * fastest way to write the same scripts without Postroom in the same run: raw ManageSieve, one
 * session per mailbox (a session is one user's), PUTSCRIPT and SETACTIVE, in as many connections at
 * once as the reconcile uses ({@value #CONNECTIONS}). Run with {@code ./mvnw -pl ear verify
 * -De2e.test=ReconcileBenchmark -Dit.test=None -Dfailsafe.failIfNoSpecifiedTests=false}; the
 * figures are in {@code ear/target/e2e-server/log/server.log}.
 */
@ExtendWith(ArquillianExtension.class)
class ReconcileBenchmark {

  static final int MAILBOXES = Integer.getInteger("bench.reconcile.mailboxes", 10_000);
  static final int CONNECTIONS = 4;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        ReconcileBenchmark.class, RawManageSieve.class, MailStack.class);
  }

  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject CredentialService credentials;
  @Inject ReconcileService reconcile;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static String script(String address) {
    return "# Postroom: generated from this mailbox's settings in Postroom\r\n"
        + "require [\"vacation\"];\r\nvacation :days 7 :addresses [\""
        + address
        + "\"] :subject \"Away\" \"Back on Monday. Ærø, 日本語.\";\r\n";
  }

  @Test
  void reconcileOntoAWipedDovecotAgainstRawManageSieve() throws Exception {
    String run = RunMark.next();
    String domain = TestDomains.create(credentials, domains, "rc-", run).getName();
    List<RegistryRecord> people = new ArrayList<>();
    for (int i = 0; i < MAILBOXES; i++) {
      people.add(
          new RegistryRecord(
              "rc-" + run + i,
              "Bench",
              null,
              null,
              "Person " + i,
              "rc" + run + i,
              domain,
              List.of(new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null)),
              false));
    }
    ImportReport imported = as(credentials, "admin", () -> imports.importRecords(people));
    assertEquals(MAILBOXES, imported.created(), imported.toString());

    // the desired state as a database restore or a state import leaves it: a script for every
    // mailbox, none of them on the mail server, nothing in the outbox
    List<Object[]> mailboxes =
        em.createQuery(
                "select m.id, m.address from Mailbox m where m.domain.name = :d order by m.id",
                Object[].class)
            .setParameter("d", domain)
            .getResultList();
    assertEquals(MAILBOXES, mailboxes.size());
    Instant now = Instant.now();
    for (int from = 0; from < mailboxes.size(); from += 1_000) {
      tx.begin();
      for (Object[] mailbox : mailboxes.subList(from, Math.min(from + 1_000, mailboxes.size()))) {
        em.persist(new MailboxSieve((Long) mailbox[0], script((String) mailbox[1]), now));
      }
      tx.commit();
      em.clear();
    }
    List<String> addresses = mailboxes.stream().map(m -> (String) m[1]).toList();

    // the baseline first (its sessions also make each mailbox's home on the server), then wiped
    long rawStart = System.nanoTime();
    rawPutAll(addresses);
    double raw = (System.nanoTime() - rawStart) / 1e9;
    assertEquals(MAILBOXES, scriptsOnServer(domain, addresses), "the baseline wrote every script");
    MailStack.wipeSieveStorage(domainDir(domain));
    assertEquals(0, scriptsOnServer(domain, addresses), "wiped");

    long start = System.nanoTime();
    long runId = as(credentials, "admin", () -> reconcile.start());
    ReconcileRun finished;
    while ((finished = as(credentials, "admin", () -> reconcile.find(runId).orElseThrow()))
            .getState()
        == ReconcileRun.State.RUNNING) {
      Thread.sleep(100);
    }
    double checked = (System.nanoTime() - start) / 1e9;
    while (outstanding(domain) > 0) {
      Thread.sleep(50);
    }
    double rebuilt = (System.nanoTime() - start) / 1e9;
    assertEquals(MAILBOXES, finished.getMissingScripts(), "every script found missing");
    assertEquals(0, finished.getUnreachable());
    assertEquals(MAILBOXES, scriptsOnServer(domain, addresses), "every script put back");

    System.out.printf(
        "%n=== Reconcile benchmark (%,d mailboxes onto a wiped Dovecot, same run) ===%n"
            + "reconcile: checked in %6.1f s, every repair applied after %6.1f s (%5.0f mailboxes/s)%n"
            + "raw ManageSieve, a session per mailbox, %d at once:       %6.1f s (%5.0f mailboxes/s)%n"
            + "ratio (reconcile / raw): %.2f; 50,000 mailboxes extrapolated: %.1f minutes%n",
        MAILBOXES,
        checked,
        rebuilt,
        MAILBOXES / rebuilt,
        CONNECTIONS,
        raw,
        MAILBOXES / raw,
        rebuilt / raw,
        rebuilt * 50_000 / MAILBOXES / 60);
  }

  /** The baseline: PUTSCRIPT and SETACTIVE in a session per mailbox, in parallel connections. */
  private static void rawPutAll(List<String> addresses) throws Exception {
    ExecutorService lanes = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int lane = 0; lane < CONNECTIONS; lane++) {
        int first = lane;
        done.add(
            lanes.submit(
                () -> {
                  for (int i = first; i < addresses.size(); i += CONNECTIONS) {
                    try (RawManageSieve session = new RawManageSieve(addresses.get(i))) {
                      session.putScript(MailboxSieve.SCRIPT_NAME, script(addresses.get(i)));
                      session.setActive(MailboxSieve.SCRIPT_NAME);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> lane : done) {
        lane.get();
      }
    } finally {
      lanes.shutdownNow();
    }
  }

  private long outstanding(String domain) {
    return em.createQuery(
            "select count(c) from ProvisioningChange c where c.mailboxAddress like :d"
                + " and c.state in :s",
            Long.class)
        .setParameter("d", "%@" + domain)
        .setParameter("s", List.of(ChangeState.PENDING, ChangeState.FAILED))
        .getSingleResult();
  }

  private static Path domainDir(String domain) {
    return Path.of(Settings.get("postroom.e2e.stack.dir").orElseThrow(), "dovecot", "mail", domain);
  }

  /** How many of the mailboxes hold their script on the server, as Postroom wants it. */
  private static int scriptsOnServer(String domain, List<String> addresses) throws IOException {
    int found = 0;
    for (String address : addresses) {
      Path script =
          domainDir(domain)
              .resolve(address.substring(0, address.indexOf('@')))
              .resolve("sieve")
              .resolve(MailboxSieve.SCRIPT_NAME + ".sieve");
      if (Files.exists(script)
          && Files.readString(script, StandardCharsets.UTF_8).equals(script(address))) {
        found++;
      }
    }
    return found;
  }
}
