package org.postroom.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The figures of a benchmark as rows of one table: each row is printed on a line of its own that
 * starts with {@code BENCH|}, in the server's log (benchmarks run inside the server) or the build's
 * output, and {@code ./scripts/bench} gathers the lines of all benchmarks into one table.
 */
final class BenchTable {

  private BenchTable() {}

  /**
   * One row: what was measured, Postroom's figure, the baseline's, their ratio, the goal and
   * whether it is met. Figures are text so that each benchmark shows its own unit.
   */
  static void row(
      String database,
      String what,
      String postroom,
      String baseline,
      double ratio,
      String goal,
      boolean met) {
    System.out.println(
        String.join(
            "|",
            "BENCH",
            database,
            what,
            postroom,
            baseline,
            Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio),
            goal,
            met ? "yes" : "NO"));
  }

  /** A row without a baseline: an absolute figure against an absolute goal. */
  static void figure(String database, String what, String postroom, String goal, boolean met) {
    row(database, what, postroom, "", Double.NaN, goal, met);
  }

  /** The database's product name (H2, PostgreSQL), the first column of a row. */
  static String database(javax.sql.DataSource dataSource) {
    try (java.sql.Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  static String s(double nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** Times of repeated runs of one action, in nanoseconds. */
  static final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    /** Runs {@code before} untimed, then times {@code action}; returns the action's result. */
    <T> T time(Runnable before, Callable<T> action) throws Exception {
      before.run();
      long start = System.nanoTime();
      T result = action.call();
      nanos.add(System.nanoTime() - start);
      return result;
    }

    void clear() {
      nanos.clear();
    }

    double percentile(int p) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    double p50() {
      return percentile(50);
    }

    double p95() {
      return percentile(95);
    }
  }
}
