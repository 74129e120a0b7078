package org.postroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.it.Deployments;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.security.CredentialService;

/**
 * The registry import of 50,000 people (address generation with many collisions) through the real
 * service, against a plain JDBC batch insert of exactly the rows it produced into copies of the
 * same tables, in the same database and the same run; then 50,000 more into a database that already
 * holds the first 50,000. Prints times and ratios; run with {@code ./mvnw -pl ear verify
 * -Dit.test=RegistryImportBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryImportBenchmark {

  static final int PEOPLE = 50_000;
  static final String DOMAIN = "umail.example-a.nl";

  /** The tables the import writes, with the rows of one run selected by the registry-id prefix. */
  static final Map<String, String> TABLES =
      Map.of(
          "person", "registry_id like ?",
          "affiliation", "person_id in (select id from person where registry_id like ?)",
          "account", "person_id in (select id from person where registry_id like ?)",
          "account_role",
              "account_id in (select a.id from account a join person p on a.person_id = p.id"
                  + " where p.registry_id like ?)",
          "mailbox",
              "owner_id in (select a.id from account a join person p on a.person_id = p.id"
                  + " where p.registry_id like ?)",
          "audit_entry",
              "subject_type = 'Person' and subject_id in (select id from person where registry_id like ?)");

  /** The keys and indexes the real tables have, for the copies of the like-for-like baseline. */
  static final Map<String, List<String>> INDEXES =
      Map.of(
          "person", List.of("primary key (id)", "unique (registry_id)"),
          "affiliation", List.of("primary key (id)", "index (person_id)"),
          "account", List.of("primary key (id)", "unique (username)", "unique (person_id)"),
          "account_role", List.of("primary key (account_id, role)"),
          "mailbox",
              List.of(
                  "primary key (id)",
                  "unique (address)",
                  "index (address_base, address)",
                  "index (owner_id)"),
          "audit_entry",
              List.of("primary key (id)", "index (subject_type, subject_id, occurred_at)"));

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(RegistryImportBenchmark.class, RegistryNames.class);
  }

  @Inject RegistryImportService imports;
  @Inject CredentialService credentials;

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  @Test
  void importAgainstARawJdbcBatch() throws Exception {
    String run = "b" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    String database;
    try (Connection connection = dataSource.getConnection()) {
      database =
          connection.getMetaData().getDatabaseProductName()
              + " "
              + connection.getMetaData().getDatabaseProductVersion();
    }
    long emptyImport = timeImport(RegistryNames.people(run + "a-", PEOPLE, 1, DOMAIN));
    long emptyBare = timeJdbcCopy(run + "a-%", false);
    long emptyIndexed = timeJdbcCopy(run + "a-%", true);
    long fullImport = timeImport(RegistryNames.people(run + "b-", PEOPLE, 2, DOMAIN));
    long fullBare = timeJdbcCopy(run + "b-%", false);
    long fullIndexed = timeJdbcCopy(run + "b-%", true);
    long rerun = timeImport(RegistryNames.people(run + "b-", PEOPLE, 2, DOMAIN));

    String line =
        "%-30s import %5.1f s | raw JDBC batch into bare copies %4.1f s (ratio %5.2f)"
            + " | into copies with the same keys and indexes %4.1f s (ratio %5.2f)%n";
    String report =
        String.format(
                "%n=== Registry import benchmark (%,d people each, %s, same run) ===%n",
                PEOPLE, database)
            + String.format(
                line,
                "into an empty directory:",
                emptyImport / 1e9,
                emptyBare / 1e9,
                (double) emptyImport / emptyBare,
                emptyIndexed / 1e9,
                (double) emptyImport / emptyIndexed)
            + String.format(
                line,
                "into one with 50,000 people:",
                fullImport / 1e9,
                fullBare / 1e9,
                (double) fullImport / fullBare,
                fullIndexed / 1e9,
                (double) fullImport / fullIndexed)
            + String.format("%-30s import %5.1f s%n", "the same again (unchanged):", rerun / 1e9);
    System.out.println(report);
  }

  private long timeImport(List<RegistryRecord> people) throws Exception {
    long start = System.nanoTime();
    int created = 0;
    int unchanged = 0;
    for (int from = 0; from < people.size(); from += RegistryImportService.MAX_RECORDS) {
      List<RegistryRecord> batch =
          people.subList(from, Math.min(people.size(), from + RegistryImportService.MAX_RECORDS));
      ImportReport report =
          as(credentials, "admin", () -> imports.importRecords(List.copyOf(batch)));
      assertEquals(0, report.rejected(), () -> report.rejections().subList(0, 5).toString());
      created += report.created();
      unchanged += report.unchanged();
    }
    assertEquals(people.size(), created + unchanged);
    return System.nanoTime() - start;
  }

  /**
   * Reads the rows the import made (untimed), then times inserting them into empty copies in
   * batches.
   */
  private long timeJdbcCopy(String registryPattern, boolean indexed) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<Runnable> inserts = new ArrayList<>();
      long rows = 0;
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        String copy = "bench_" + table.getKey();
        try (Statement ddl = connection.createStatement()) {
          ddl.execute("drop table if exists " + copy);
          ddl.execute(
              "create table " + copy + " as select * from " + table.getKey() + " where 1 = 0");
          if (indexed) {
            int n = 0;
            for (String index : INDEXES.get(table.getKey())) {
              if (index.startsWith("primary key")) {
                for (String column : index.replaceAll(".*\\((.*)\\)", "$1").split(",\\s*")) {
                  ddl.execute("alter table " + copy + " alter column " + column + " set not null");
                }
              }
              ddl.execute(
                  index.startsWith("index ")
                      ? "create index " + copy + "_i" + n++ + " on " + copy + index.substring(5)
                      : "alter table " + copy + " add " + index);
            }
          }
        }
        List<Object[]> values = new ArrayList<>();
        int columns;
        try (PreparedStatement select =
            connection.prepareStatement(
                "select * from " + table.getKey() + " where " + table.getValue())) {
          select.setString(1, registryPattern);
          try (ResultSet result = select.executeQuery()) {
            columns = result.getMetaData().getColumnCount();
            while (result.next()) {
              Object[] row = new Object[columns];
              for (int c = 0; c < columns; c++) {
                row[c] = result.getObject(c + 1);
              }
              values.add(row);
            }
          }
        }
        rows += values.size();
        String insert = "insert into " + copy + " values (" + "?,".repeat(columns - 1) + "?)";
        inserts.add(() -> batchInsert(connection, insert, values));
      }
      connection.setAutoCommit(false);
      long start = System.nanoTime();
      inserts.forEach(Runnable::run);
      connection.commit();
      long elapsed = System.nanoTime() - start;
      connection.setAutoCommit(true);
      System.out.printf(
          "raw JDBC batch (%s): %,d rows in %d tables%n",
          indexed ? "with keys and indexes" : "bare copies", rows, TABLES.size());
      return elapsed;
    }
  }

  private static void batchInsert(Connection connection, String sql, List<Object[]> rows) {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          insert.setObject(c + 1, row[c]);
        }
        insert.addBatch();
        if (++pending == 1000) {
          insert.executeBatch();
          pending = 0;
        }
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
