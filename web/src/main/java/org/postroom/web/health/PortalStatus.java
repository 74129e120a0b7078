package org.postroom.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postroom.service.mailsystem.MailSystem;
import org.postroom.service.mailsystem.MailSystemStatus;

/**
 * This node's readiness and the figures an operator graphs, served without a session by {@link
 * StatusServlet}.
 *
 * <ul>
 *   <li>Readiness: not ready when the portal database does not answer; ready but {@code degraded}
 *       when only the mail server is away (every page works, changes wait in the outbox). The
 *       database is asked at every check, the mail server in the background at most every {@link
 *       #MAIL_CHECK_EVERY} (a balancer checking every second would otherwise log in to it every
 *       second, and wait for it when it does not answer).
 *   <li>Metrics: the provisioning outbox's depth and oldest pending change, the mail outbox
 *       likewise, how long ago the quota scan last started, the running registry import's progress
 *       (all read from the shared database, so each node reports the cluster's figures), and this
 *       node's logins by outcome.
 * </ul>
 */
@ApplicationScoped
public class PortalStatus {

  private static final Logger LOG = Logger.getLogger(PortalStatus.class.getName());

  static final Duration MAIL_CHECK_EVERY = Duration.ofSeconds(15);
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  /**
   * One gauge: its name (Prometheus), what it says, and the query that gives it: a number, or a
   * time whose age is the value ({@code noTime} then says the value when the query finds none).
   */
  private record Gauge(String name, String help, String sql, String noTime) {
    static final String COUNT = null;
  }

  private static final Gauge[] GAUGES = {
    new Gauge(
        "postroom_provisioning_pending",
        "Changes waiting for the mail server.",
        "select count(*) from provisioning_change where state = 'PENDING'",
        Gauge.COUNT),
    new Gauge(
        "postroom_provisioning_failed",
        "Changes the mail server refused for good (the helpdesk decides).",
        "select count(*) from provisioning_change where state = 'FAILED'",
        Gauge.COUNT),
    new Gauge(
        "postroom_provisioning_oldest_pending_seconds",
        "Age of the oldest change waiting for the mail server (0 when none waits).",
        "select min(created_at) from provisioning_change where state = 'PENDING'",
        "0"),
    new Gauge(
        "postroom_mail_outbox_pending",
        "Notification mails not sent yet.",
        "select count(*) from queued_mail where state = 'PENDING'",
        Gauge.COUNT),
    new Gauge(
        "postroom_mail_outbox_failed",
        "Notification mails given up on (the helpdesk may send them again).",
        "select count(*) from queued_mail where state = 'FAILED'",
        Gauge.COUNT),
    new Gauge(
        "postroom_mail_outbox_oldest_pending_seconds",
        "Age of the oldest notification mail not sent yet (0 when none waits).",
        "select min(created_at) from queued_mail where state = 'PENDING'",
        "0"),
    new Gauge(
        "postroom_quota_scan_last_started_seconds",
        "Time since the last quota scan started (NaN before the first).",
        "select acquired_at from cluster_lock where name = 'quota-scan'",
        "NaN"),
    new Gauge(
        "postroom_registry_import_processed_lines",
        "Lines the running registry import has done (0 when none runs).",
        "select coalesce(sum(processed_lines), 0) from registry_import where state = 'RUNNING'",
        Gauge.COUNT),
    new Gauge(
        "postroom_registry_import_total_lines",
        "Lines of the running registry import (0 when none runs).",
        "select coalesce(sum(total_lines), 0) from registry_import where state = 'RUNNING'",
        Gauge.COUNT),
  };

  /** What {@link #readiness} found. */
  public record Readiness(boolean ready, String state, String database, String mailServer) {}

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  @Inject MailSystem mailSystem;

  @Resource ManagedExecutorService executor;

  private final Map<String, LongAdder> logins = new ConcurrentHashMap<>();
  private final AtomicBoolean asking = new AtomicBoolean();
  private volatile MailSystemStatus mailStatus = MailSystemStatus.CONFIGURED;
  private volatile Instant mailCheckedAt = Instant.EPOCH;

  public Readiness readiness() {
    String database = databaseProblem();
    MailSystemStatus mail = mailStatus();
    String state =
        database != null ? "down" : mail == MailSystemStatus.UNREACHABLE ? "degraded" : "ready";
    return new Readiness(
        database == null,
        state,
        database == null ? "up" : database,
        mail.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** Counts a login on this node: {@code succeeded}, {@code refused} or {@code throttled}. */
  public void login(String outcome) {
    logins.computeIfAbsent(outcome, o -> new LongAdder()).increment();
  }

  /** The figures in Prometheus' text format (version 0.0.4). */
  public String metrics() {
    StringBuilder text = new StringBuilder();
    try (Connection connection = dataSource.getConnection()) {
      for (Gauge gauge : GAUGES) {
        text.append("# HELP ").append(gauge.name()).append(' ').append(gauge.help()).append('\n');
        text.append("# TYPE ").append(gauge.name()).append(" gauge\n");
        text.append(gauge.name()).append(' ').append(value(connection, gauge)).append('\n');
      }
    } catch (SQLException e) {
      LOG.log(Level.FINE, "The figures could not be read", e);
    }
    text.append("# HELP postroom_logins_total Logins on this node by outcome.\n");
    text.append("# TYPE postroom_logins_total counter\n");
    for (String outcome : new String[] {"succeeded", "refused", "throttled"}) {
      LongAdder count = logins.get(outcome);
      text.append("postroom_logins_total{outcome=\"")
          .append(outcome)
          .append("\"} ")
          .append(count == null ? 0 : count.sum())
          .append('\n');
    }
    return text.toString();
  }

  private static String value(Connection connection, Gauge gauge) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(gauge.sql());
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        return "NaN";
      }
      if (gauge.noTime() == Gauge.COUNT) {
        return Long.toString(row.getLong(1));
      }
      Timestamp at = row.getTimestamp(1);
      if (at == null) {
        return gauge.noTime();
      }
      return Double.toString(Duration.between(at.toInstant(), Instant.now()).toMillis() / 1000.0);
    }
  }

  /** Null when the database answers; otherwise what went wrong. */
  private String databaseProblem() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? null : "no answer";
    } catch (SQLException e) {
      return "unreachable";
    }
  }

  /**
   * The mail server's state as last asked; asks again in the background when that is older than
   * {@link #MAIL_CHECK_EVERY}, so that a check never waits for a mail server that does not answer.
   */
  private MailSystemStatus mailStatus() {
    Instant now = Instant.now();
    if (mailCheckedAt.plus(MAIL_CHECK_EVERY).isBefore(now) && asking.compareAndSet(false, true)) {
      mailCheckedAt = now;
      executor.execute(
          () -> {
            try {
              mailStatus = mailSystem.status();
            } finally {
              asking.set(false);
            }
          });
    }
    return mailStatus;
  }
}
