package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.directory.ImportState;
import org.postroom.service.directory.ImportRejection;
import org.postroom.service.directory.ImportStatus;
import org.postroom.service.directory.RegistryImportJobs;
import org.postroom.service.security.CredentialService;

/**
 * Registry files applied by the batch job in the running server: every line counted once, rejected
 * lines with their reasons, one import at a time, pause and resume — also of an import whose node
 * died mid-way — without a line applied twice or skipped.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryImportJobIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(RegistryImportJobIT.class);
  }

  private static final String HEADER =
      "registryId,givenNames,initials,infixes,surname,username,domain,affiliations,closed\n";
  private static final String[] SURNAMES = {"Jansen", "de Vries", "Bakker", "Hansen", "Müller"};

  @Inject RegistryImportJobs jobs;
  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  private final String batch = "j" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

  /** A registry file of valid people; their registry ids start with this test's prefix. */
  private String people(int count) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= count; i++) {
      String surname = SURNAMES[i % SURNAMES.length];
      String infixes = surname.startsWith("de ") ? "de" : "";
      csv.append(batch)
          .append('-')
          .append(i)
          .append(",Anna Maria,,")
          .append(infixes)
          .append(',')
          .append(infixes.isEmpty() ? surname : surname.substring(3))
          .append(',')
          .append(batch)
          .append('u')
          .append(i)
          .append(i % 2 == 0 ? ",umail.example-a.nl," : ",univ-b.be,")
          .append("STUDENT:2025-09-01:2029-08-31,\n");
    }
    return csv.toString();
  }

  private long start(String csv) throws Exception {
    return as(
        credentials,
        "admin",
        () -> jobs.start(batch + ".csv", csv.getBytes(StandardCharsets.UTF_8)));
  }

  private ImportStatus status(long id) throws Exception {
    return as(credentials, "admin", () -> jobs.status(id));
  }

  private ImportStatus await(long id, Predicate<ImportStatus> until) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    ImportStatus status = status(id);
    while (!until.test(status)) {
      assertTrue(Instant.now().isBefore(deadline), "import did not get there: " + status);
      Thread.sleep(20);
      status = status(id);
    }
    return status;
  }

  private ImportStatus awaitEnd(long id) throws Exception {
    return await(id, s -> !s.state().isActive());
  }

  private long peopleOfThisTest() {
    return em.createQuery(
            "select count(p) from Person p where p.registryId like :prefix", Long.class)
        .setParameter("prefix", batch + "-%")
        .getSingleResult();
  }

  @Test
  void aFileIsAppliedByTheJobAndEveryBadLineIsReportedWithItsReason() throws Exception {
    String csv =
        people(446)
            + batch
            + "-bad1,Jan,,,Smit,"
            + batch
            + "x1,univ-b.be,STUDENT:2025-09-31,\n"
            + batch
            + "-bad2,Jan,,,Smit,NOT VALID,univ-b.be,STUDENT:2025-09-01,\n"
            + batch
            + "-1,Jan,,,Smit,"
            + batch
            + "x3,univ-b.be,STUDENT:2025-09-01,\n"
            + batch
            + "-bad4,Jan,,,Smit,"
            + batch
            + "x4,nowhere.example,STUDENT:2025-09-01,\n";
    long id = start(csv);
    ImportStatus done = awaitEnd(id);
    assertEquals(ImportState.COMPLETED, done.state(), done.toString());
    assertEquals(450, done.totalLines());
    assertEquals(450, done.processedLines());
    assertEquals(446, done.created());
    assertEquals(4, done.rejected());
    assertEquals(100, done.percent());
    assertEquals(446, peopleOfThisTest());

    List<ImportRejection> rejected = as(credentials, "admin", () -> jobs.rejections(id, 0, 100));
    assertEquals(
        List.of(448, 449, 450, 451), rejected.stream().map(ImportRejection::line).toList());
    assertEquals(
        List.of(
            "import.affiliations.format",
            "import.username.invalid",
            "import.registryId.repeated",
            "import.domain.unknown"),
        rejected.stream().map(ImportRejection::key).toList());
    assertEquals(List.of("STUDENT:2025-09-31"), rejected.get(0).args());
    assertEquals(batch + "-bad2", rejected.get(1).registryId());

    // the same file straight again (a reloaded page, a retried call) is recognised and refused
    RuleViolationException same = assertThrows(RuleViolationException.class, () -> start(csv));
    assertTrue(same.hasKey("import.file.same"), same.toString());
    assertEquals(List.of(batch + ".csv", String.valueOf(id)), same.violations().get(0).args());

    // the same people in another file (saved with CRLF line ends) are applied, and change nothing
    ImportStatus again = awaitEnd(start(csv.replace("\n", "\r\n")));
    assertEquals(ImportState.COMPLETED, again.state());
    assertEquals(446, again.unchanged(), "the same people again change nothing");
    assertEquals(0, again.created());
    assertEquals(446, peopleOfThisTest());
  }

  @Test
  void aPausedImportAndOneWhoseNodeDiedContinueWhereTheyStopped() throws Exception {
    int total = 4000;
    long id = start(people(total));
    RuleViolationException busy =
        assertThrows(RuleViolationException.class, () -> start(people(3)));
    assertTrue(busy.hasKey("import.busy"));

    await(id, s -> s.processedLines() > 0);
    run(credentials, "admin", () -> jobs.pause(id));
    ImportStatus paused = awaitEnd(id);
    assertEquals(ImportState.STOPPED, paused.state(), paused.toString());
    assertTrue(paused.processedLines() < total, "paused mid-way: " + paused);
    assertEquals(paused.processedLines(), peopleOfThisTest(), "progress is counted with the data");

    run(credentials, "admin", () -> jobs.resume(id));
    await(id, s -> s.processedLines() > paused.processedLines());
    run(credentials, "admin", () -> jobs.pause(id));
    ImportStatus pausedAgain = awaitEnd(id);
    assertEquals(ImportState.STOPPED, pausedAgain.state(), pausedAgain.toString());
    assertEquals(
        pausedAgain.processedLines(),
        peopleOfThisTest(),
        "pausing a running job must not put back older progress");

    // What a node that dies mid-run leaves behind: the import running, its lock held, no heartbeat.
    // Had a pause been asked of it, a surviving node marks it paused...
    dieMidRun(id, true);
    ImportStatus stillPaused = awaitEnd(id);
    assertEquals(ImportState.STOPPED, stillPaused.state(), stillPaused.toString());
    assertEquals(pausedAgain.processedLines(), stillPaused.processedLines());

    // ...else it carries it on
    dieMidRun(id, false);
    assertTrue(
        assertThrows(RuleViolationException.class, () -> start(people(3))).hasKey("import.busy"));
    // a node (here the only one) carries it on by itself, nobody resumes it
    ImportStatus done = awaitEnd(id);
    assertEquals(ImportState.COMPLETED, done.state(), done.toString());
    assertEquals(total, done.processedLines());
    assertEquals(total, done.created(), "no line applied twice, none skipped");
    assertEquals(
        2L,
        em.createQuery(
                "select count(e) from AuditEntry e where e.action = 'IMPORT_RESUMED'"
                    + " and e.subjectType = 'RegistryImport' and e.subjectId = :id",
                Long.class)
            .setParameter("id", id)
            .getSingleResult(),
        "the administrator's resume and the takeover are in the audit log");
    assertEquals(total, peopleOfThisTest());
    assertEquals(
        total,
        em.createQuery(
                "select count(distinct m.address) from Mailbox m join m.owner a"
                    + " where a.username like :prefix",
                Long.class)
            .setParameter("prefix", batch + "u%")
            .getSingleResult());
  }

  /** Leaves the import as a node that died while running it would. */
  private void dieMidRun(long id, boolean pauseRequested) throws Exception {
    tx.begin();
    em.createNativeQuery(
            "update registry_import set state = 'RUNNING', pause_requested = ?, heartbeat_at = ?"
                + " where id = ?")
        .setParameter(1, pauseRequested)
        .setParameter(2, Instant.now().minus(Duration.ofHours(1)))
        .setParameter(3, id)
        .executeUpdate();
    em.createNativeQuery("update cluster_lock set holder = ? where name = 'registry-import'")
        .setParameter(1, "import " + id)
        .executeUpdate();
    tx.commit();
  }

  @Test
  void aFileThatIsNoRegistryFileIsRefusedWholeAndOnlyAdministratorsImport() throws Exception {
    long before = as(credentials, "admin", () -> jobs.count());
    RuleViolationException refused =
        assertThrows(RuleViolationException.class, () -> start("registryId,surname\nx,y\n"));
    assertEquals("import.file.missingColumns", refused.violations().get(0).key());
    assertEquals(List.of("username, domain, affiliations"), refused.violations().get(0).args());
    assertEquals(before, as(credentials, "admin", () -> jobs.count()));

    assertThrows(
        EJBAccessException.class,
        () ->
            as(
                credentials,
                "helpdesk",
                () -> jobs.start("x.csv", people(1).getBytes(StandardCharsets.UTF_8))));
    assertThrows(EJBAccessException.class, () -> as(credentials, "helpdesk", () -> jobs.count()));
  }

  @Test
  void pausingWhileTheJobCountsKeepsTheJobsCounts() throws Exception {
    long id = start(people(2));
    awaitEnd(id);
    // the import as its job would have it while running: state RUNNING, lock held
    tx.begin();
    em.createNativeQuery(
            "update registry_import set state = 'RUNNING', processed_lines = 0, created_count = 0"
                + " where id = ?")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery("update cluster_lock set holder = ? where name = 'registry-import'")
        .setParameter(1, "import " + id)
        .executeUpdate();
    tx.commit();

    tx.begin();
    run(credentials, "admin", () -> jobs.pause(id)); // reads the import, counts 0
    executor
        .submit(
            () -> {
              // the job counts a chunk meanwhile, in its own transaction
              tx.begin();
              em.createNativeQuery(
                      "update registry_import set processed_lines = 2, created_count = 2 where id = ?")
                  .setParameter(1, id)
                  .executeUpdate();
              tx.commit();
              return null;
            })
        .get();
    tx.commit();

    ImportStatus status = status(id);
    assertTrue(status.pauseRequested());
    assertEquals(2, status.processedLines(), "the pause must not put back the counts it read");
    assertEquals(2, status.created());

    tx.begin();
    em.createNativeQuery("update registry_import set state = 'COMPLETED' where id = ?")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery("update cluster_lock set holder = null where name = 'registry-import'")
        .executeUpdate();
    tx.commit();
  }
}
