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
 * The registry import (address generation with many collisions) through the real service, at three
 * sizes one after the other (10,000, 50,000 and 100,000 people into a growing directory), each
 * against a plain JDBC batch insert of exactly the rows it produced into copies of the same tables
 * with the same keys and indexes, in the same database and run; an unchanged rerun against reading
 * the same rows; one person created at a time before and after. Warms up on 5,000 people first.
 * Writes its rows for {@code ./scripts/bench}; alone: {@code ./mvnw -pl ear verify
 * -Dit.test=RegistryImportBenchmark} (H2) or {@code -De2e.test=RegistryImportBenchmark}
 * (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
class RegistryImportBenchmark {

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
    return Deployments.earWithTests(
        RegistryImportBenchmark.class,
        RegistryNames.class,
        BenchTable.class,
        StatementProfile.class);
  }

  @Inject RegistryImportService imports;
  @Inject CredentialService credentials;

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  /** The sizes of the scaling runs, imported one after the other into a growing directory. */
  static final int[] SIZES = {10_000, 50_000, 100_000};

  static final int WARMUP_PEOPLE = 5_000;
  static final int SINGLES = 30;
  static final int WARMUP_SINGLES = 10;

  @Test
  void importAgainstARawJdbcBatch() throws Exception {
    String run = "b" + Long.toString(System.currentTimeMillis() % 100_000, 36);
    String database = BenchTable.database(dataSource);
    // the JIT and the connection pool warm up on people of their own, not measured
    timeImport(RegistryNames.people(run + "w-", WARMUP_PEOPLE, 9, DOMAIN));
    singles(run + "u-", 2);
    BenchTable.Samples emptyish = singles(run + "s-", 0);
    long before = people();

    double perPersonSmallest = 0;
    for (int size : SIZES) {
      String prefix = run + "n" + size / 1000 + "-";
      boolean largest = size == SIZES[SIZES.length - 1];
      StatementProfile.reset(dataSource);
      long imported = timeImport(RegistryNames.people(prefix, size, size, DOMAIN));
      if (largest) {
        StatementProfile.print(dataSource, String.format("import of %,d", size), imported);
      }
      long bare = timeJdbcCopy(prefix + "%", false);
      long indexed = timeJdbcCopy(prefix + "%", true);
      if (largest) {
        StatementProfile.print(dataSource, String.format("raw batch of %,d", size), indexed);
      }
      double perPerson = (double) imported / size;
      if (perPersonSmallest == 0) {
        perPersonSmallest = perPerson;
      }
      BenchTable.row(
          database,
          String.format(
              "registry import of %,d people (addresses generated) into %,d, against a raw JDBC"
                  + " batch of the same rows into tables with the same keys and indexes"
                  + " (bare tables: %.1f×)",
              size, people() - size, (double) imported / bare),
          BenchTable.s(imported),
          BenchTable.s(indexed),
          (double) imported / indexed,
          "≤ 3×",
          (double) imported / indexed <= 3);
      BenchTable.row(
          database,
          String.format(
              "registry import, %,d people: time per person against the %,d's", size, SIZES[0]),
          String.format(java.util.Locale.ROOT, "%.2f ms", perPerson / 1e6),
          String.format(java.util.Locale.ROOT, "%.2f ms", perPersonSmallest / 1e6),
          perPerson / perPersonSmallest,
          "linear: ≈ 1×",
          perPerson / perPersonSmallest <= 1.5);
    }
    String last = run + "n" + SIZES[SIZES.length - 1] / 1000 + "-";
    int lastSize = SIZES[SIZES.length - 1];
    StatementProfile.reset(dataSource);
    long rerun = timeImport(RegistryNames.people(last, lastSize, lastSize, DOMAIN));
    StatementProfile.print(dataSource, String.format("unchanged import of %,d", lastSize), rerun);
    StatementProfile.reset(dataSource);
    long reading = timeReading(last + "%");
    StatementProfile.print(dataSource, String.format("reading %,d", lastSize), reading);
    BenchTable.row(
        database,
        String.format(
            "registry import of the same %,d again (unchanged), against reading their rows",
            lastSize),
        BenchTable.s(rerun),
        BenchTable.s(reading),
        (double) rerun / reading,
        "≤ 1.5×",
        (double) rerun / reading <= 1.5);

    BenchTable.Samples full = singles(run + "t-", 1);
    BenchTable.row(
        database,
        String.format(
            "one person and mailbox created (one-record import) into %,d people, p95, against"
                + " the same into %,d",
            people() - SINGLES, before - SINGLES),
        BenchTable.ms(full.p95()),
        BenchTable.ms(emptyish.p95()),
        full.p95() / emptyish.p95(),
        "< 50 ms, ≤ 1.2×",
        full.p95() < 50e6 && full.p95() / emptyish.p95() <= 1.2);
  }

  /** Creates people one at a time, as a one-person import by the API does, and times each. */
  private BenchTable.Samples singles(String prefix, long seed) throws Exception {
    List<RegistryRecord> people =
        RegistryNames.people(prefix, SINGLES + WARMUP_SINGLES, 100 + seed, DOMAIN);
    BenchTable.Samples samples = new BenchTable.Samples();
    as(
        credentials,
        "admin",
        () -> {
          for (int i = 0; i < people.size(); i++) {
            List<RegistryRecord> one = List.of(people.get(i));
            ImportReport report =
                (i < WARMUP_SINGLES ? new BenchTable.Samples() : samples)
                    .time(() -> {}, () -> imports.importRecords(one));
            assertEquals(1, report.created(), report::toString);
          }
          return null;
        });
    return samples;
  }

  private long people() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from person")) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Reads the rows an import of these people wrote (every column), as the baseline of a rerun. */
  private long timeReading(String registryPattern) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long start = System.nanoTime();
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "select * from " + table.getKey() + " where " + table.getValue())) {
          select.setString(1, registryPattern);
          try (ResultSet result = select.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
              for (int c = 1; c <= columns; c++) {
                result.getObject(c);
              }
            }
          }
        }
      }
      return System.nanoTime() - start;
    }
  }

  /**
   * Imports these people as the API does, at most {@link RegistryImportService#MAX_RECORDS} a call.
   * The administrator logs in once, before the clock starts: the raw batch authenticates nothing,
   * and the API's calls are authenticated by a token, a tenth of a millisecond ({@code
   * ApiAuthBenchmark}), not by a password's Argon2id check per call.
   */
  private long timeImport(List<RegistryRecord> people) throws Exception {
    return as(
        credentials,
        "admin",
        () -> {
          long start = System.nanoTime();
          int created = 0;
          int unchanged = 0;
          for (int from = 0; from < people.size(); from += RegistryImportService.MAX_RECORDS) {
            List<RegistryRecord> batch =
                people.subList(
                    from, Math.min(people.size(), from + RegistryImportService.MAX_RECORDS));
            ImportReport report = imports.importRecords(List.copyOf(batch));
            assertEquals(0, report.rejected(), () -> report.rejections().subList(0, 5).toString());
            created += report.created();
            unchanged += report.unchanged();
          }
          assertEquals(people.size(), created + unchanged);
          return System.nanoTime() - start;
        });
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
      StatementProfile.reset(dataSource);
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
