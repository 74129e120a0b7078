package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.LongPredicate;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.it.RunMark;
import org.postroom.it.TestDomains;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryChunkWriter;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;

/**
 * On PostgreSQL a large registry import refreshes the planner's statistics of only the tables that
 * changed by a fifth since their last {@code ANALYZE}, by PostgreSQL's own count: a table whose
 * rows all changed is analysed, one left alone is not.
 */
@ExtendWith(ArquillianExtension.class)
class ImportStatisticsIT {

  private static final Duration STATISTICS_DELAY = Duration.ofSeconds(15);

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(ImportStatisticsIT.class, RegistryPerson.class);
  }

  @Inject RegistryChunkWriter writer;
  @Inject CredentialService credentials;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  @Test
  void refreshesOnlyTheStaleTables() throws Exception {
    String run = RunMark.next();
    DomainSettings domain = TestDomains.create(credentials, domains, "stats", run);
    ImportReport imported =
        new RegistryPerson(
                "stats-" + run,
                "Stella",
                "Statistics",
                "stats" + run,
                domain.getName(),
                new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null))
            .importAsAdmin(imports, credentials);
    assertEquals(1, imported.created(), imported.toString());
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      long personBefore = analyses(connection, "person");
      long affiliationBefore = analyses(connection, "affiliation");
      statement.execute("analyze person");
      statement.execute("analyze affiliation");
      long personAnalyses = awaitAnalyses(connection, "person", n -> n > personBefore);
      long affiliationAnalyses =
          awaitAnalyses(connection, "affiliation", n -> n > affiliationBefore);
      int people = statement.executeUpdate("update person set updated_at = updated_at");
      assertTrue(people > 0, "the directory has people");
      awaitChanges(connection, "person", people);

      as(
          credentials,
          "admin",
          () -> {
            writer.refreshStatistics();
            return null;
          });

      awaitAnalyses(connection, "person", n -> n > personAnalyses);
      assertEquals(
          affiliationAnalyses,
          analyses(connection, "affiliation"),
          "affiliations, unchanged since their last analysis, are not analysed again");
    }
  }

  /** Waits until PostgreSQL's counters (reported asynchronously) show a table's changed rows. */
  private static void awaitChanges(Connection connection, String table, long rows)
      throws Exception {
    await(connection, table, "n_mod_since_analyze", n -> n >= rows);
  }

  private static long awaitAnalyses(Connection connection, String table, LongPredicate until)
      throws Exception {
    return await(connection, table, "analyze_count", until);
  }

  private static long await(
      Connection connection, String table, String counter, LongPredicate until) throws Exception {
    long deadline = System.nanoTime() + STATISTICS_DELAY.toNanos();
    long value = counter(connection, table, counter);
    while (!until.test(value)) {
      long last = value;
      assertTrue(
          System.nanoTime() < deadline, () -> table + "'s " + counter + " stayed at " + last);
      Thread.sleep(200);
      value = counter(connection, table, counter);
    }
    return value;
  }

  private static long analyses(Connection connection, String table) throws SQLException {
    return counter(connection, table, "analyze_count");
  }

  private static long counter(Connection connection, String table, String counter)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select "
                + counter
                + " from pg_stat_user_tables where schemaname = current_schema() and relname = ?")) {
      select.setString(1, table);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), table);
        return row.getLong(1);
      }
    }
  }
}
