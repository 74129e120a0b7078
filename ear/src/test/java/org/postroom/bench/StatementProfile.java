package org.postroom.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Where a benchmark's time goes inside PostgreSQL: when the stack's PostgreSQL loads {@code
 * pg_stat_statements} ({@code BENCH_PROFILE=1 ./scripts/bench}, or {@code
 * MAIL_STACK_PG_STATEMENTS=1}), {@link #reset} clears its counts and {@link #print} writes the
 * statements that took longest since, with their calls and their share of the phase's wall time, as
 * {@code PROFILE|} lines in the server's log (which the script keeps beside its table). Without the
 * extension, or on H2, both do nothing.
 */
final class StatementProfile {

  private static final int TOP = 12;

  private StatementProfile() {}

  static void reset(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (available(statement)) {
        statement.execute("select statements.pg_stat_statements_reset()");
      }
    }
  }

  static void print(DataSource dataSource, String phase, long wallNanos) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (!available(statement)) {
        return;
      }
      double wallMs = wallNanos / 1e6;
      try (ResultSet total =
          statement.executeQuery(
              "select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0)"
                  + " from statements.pg_stat_statements where dbid = (select oid from pg_database"
                  + " where datname = current_database())")) {
        total.next();
        System.out.printf(
            "PROFILE|%s|PostgreSQL executing statements: %.0f ms of %.0f ms wall (%.0f %%), %,d"
                + " calls%n",
            phase, total.getDouble(1), wallMs, 100 * total.getDouble(1) / wallMs, total.getLong(2));
      }
      try (ResultSet top =
          statement.executeQuery(
              "select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')"
                  + " from statements.pg_stat_statements where dbid = (select oid from pg_database"
                  + " where datname = current_database()) order by total_exec_time desc limit "
                  + TOP)) {
        while (top.next()) {
          String query = top.getString(4);
          System.out.printf(
              "PROFILE|%s|%,9d calls|%8.0f ms|%4.1f %%|%,9d rows|%s%n",
              phase,
              top.getLong(1),
              top.getDouble(2),
              100 * top.getDouble(2) / wallMs,
              top.getLong(3),
              query.length() > 160 ? query.substring(0, 160) + "…" : query);
        }
      }
    }
  }

  private static boolean available(Statement statement) throws SQLException {
    if (!"PostgreSQL".equals(statement.getConnection().getMetaData().getDatabaseProductName())) {
      return false;
    }
    try (ResultSet loaded =
        statement.executeQuery(
            "select count(*) from pg_extension where extname = 'pg_stat_statements'")) {
      loaded.next();
      return loaded.getInt(1) > 0;
    }
  }
}
