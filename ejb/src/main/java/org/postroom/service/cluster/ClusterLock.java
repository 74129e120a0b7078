package org.postroom.service.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.logging.Logger;
import org.postroom.service.common.Settings;

/**
 * The one place where the nodes of a cluster agree who does what: each piece of shared work is a
 * row of {@code cluster_lock}, taken by a conditional update, so that of two nodes trying at once
 * exactly one succeeds. Four ways of holding a row:
 *
 * <ul>
 *   <li>{@link #take}/{@link #release}: held by a thing (an import) until it is released; any node
 *       may carry the thing on, so the lock survives the node that took it.
 *   <li>{@link #lease}: held by a node (or a run on a node) for a while and renewed by calling
 *       again; a lease not renewed in time is free, as its node is taken to have died.
 *   <li>{@link #claimInterval}: recurring work, done by the node that finds the last run at least
 *       the interval ago.
 *   <li>{@link #claimDay}: daily work, done by the first node to move the day on.
 * </ul>
 *
 * And {@link #serialize}: work every node does, but one node at a time (start-up work that checks
 * what exists and makes what is missing).
 *
 * <p>Holders are named after the node ({@code jboss.node.name}), so that an operator reading the
 * table sees which node works. Times are the database's: nodes whose clocks drift still agree on
 * when a lease ran out.
 */
@ApplicationScoped
public class ClusterLock {

  private static final Logger LOG = Logger.getLogger(ClusterLock.class.getName());

  /**
   * How long a worker's lease (the outboxes') lasts unless renewed: the longest a dead node's work
   * waits before a survivor takes it on. {@code POSTROOM_LEASE_SECONDS}, 60 by default, at least 15
   * (workers renew every 10 s).
   */
  public static final Duration WORKER_LEASE =
      Duration.ofSeconds(
          Math.max(15, Settings.get("postroom.lease.seconds").map(Long::parseLong).orElse(60L)));

  /** The row start-up work holds, one node at a time ({@link #serialize}). */
  public static final String STARTUP = "startup";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** This node's name in the cluster, as WildFly knows it (the host's name on a single server). */
  public static String node() {
    String node = System.getProperty("jboss.node.name");
    if (node != null && !node.isBlank()) {
      return node;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** The holder for work this node does under a name of its own, e.g. one run of a job. */
  public static String onThisNode(String work) {
    return node() + " " + work;
  }

  /** Takes the lock for the holder; true when it is free or already the holder's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean take(String name, String holder) {
    return em.createNativeQuery(
                "update cluster_lock set holder = ?, acquired_at = current_timestamp"
                    + " where name = ? and (holder is null or holder = ?)")
            .setParameter(1, holder)
            .setParameter(2, name)
            .setParameter(3, holder)
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void release(String name, String holder) {
    em.createNativeQuery(
            "update cluster_lock set holder = null, acquired_at = null"
                + " where name = ? and holder = ?")
        .setParameter(1, name)
        .setParameter(2, holder)
        .executeUpdate();
  }

  /**
   * Takes or renews the lock as a lease for {@code length}: free, already the holder's, or not
   * renewed for {@code length} by the database's clock (its holder died). The row is locked while
   * this decides, so that of two nodes asking at once the second sees the first's lease. Taking a
   * lease over from a holder whose lease lapsed is logged: it is what an operator looks for after a
   * node died.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lease(String name, String holder, Duration length) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select holder, acquired_at, current_timestamp from cluster_lock"
                        + " where name = ? for update")
                .setParameter(1, name)
                .getSingleResult();
    String previous = (String) row[0];
    Instant renewed = row[1] == null ? null : instant(row[1]);
    Instant now = instant(row[2]);
    boolean lapsed = renewed == null || renewed.isBefore(now.minus(length));
    if (previous != null && !previous.equals(holder) && !lapsed) {
      return false;
    }
    em.createNativeQuery(
            "update cluster_lock set holder = ?, acquired_at = current_timestamp where name = ?")
        .setParameter(1, holder)
        .setParameter(2, name)
        .executeUpdate();
    if (previous != null && !previous.equals(holder)) {
      LOG.info(
          () ->
              "Lease "
                  + name
                  + ": "
                  + holder
                  + " takes it over from "
                  + previous
                  + ", who last renewed it "
                  + (renewed == null
                      ? "never"
                      : Duration.between(renewed, now).toSeconds() + " s ago")
                  + " (lease "
                  + length.toSeconds()
                  + " s)");
    }
    return true;
  }

  /**
   * Claims recurring work for this node, when its last run started at least {@code interval} ago by
   * the database's clock; its own transaction, so that the claim holds while the work runs.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claimInterval(String name, Duration interval) {
    return em.createNativeQuery(
                "update cluster_lock set holder = ?, acquired_at = current_timestamp"
                    + " where name = ? and (acquired_at is null or acquired_at <= ?)")
            .setParameter(1, node())
            .setParameter(2, name)
            .setParameter(3, databaseNow().minus(interval))
            .executeUpdate()
        == 1;
  }

  /** Claims the day's run of daily work for this node: the first node to move the day on. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claimDay(String name, LocalDate day) {
    return em.createNativeQuery(
                "update cluster_lock set holder = ?, last_done_on = ? where name = ?"
                    + " and (last_done_on is null or last_done_on < ?)")
            .setParameter(1, node())
            .setParameter(2, day)
            .setParameter(3, name)
            .setParameter(4, day)
            .executeUpdate()
        == 1;
  }

  /**
   * Waits until no other transaction holds the row {@code name}, then holds it (a row lock, {@code
   * select … for update}) until the caller's transaction ends: two nodes doing the same check-then-
   * create work at once do it one after the other, and the second sees what the first committed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void serialize(String name) {
    if (em.createNativeQuery("select name from cluster_lock where name = ? for update")
        .setParameter(1, name)
        .getResultList()
        .isEmpty()) {
      throw new IllegalStateException("There is no cluster lock " + name);
    }
  }

  /** The database's time now, the one clock all nodes share. */
  Instant databaseNow() {
    return instant(em.createNativeQuery("select current_timestamp").getSingleResult());
  }

  /** A timestamp as the JDBC driver gives it (H2 and PostgreSQL differ). */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("The database's time came as " + value.getClass());
  }
}
