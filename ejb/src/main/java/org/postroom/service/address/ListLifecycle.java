package org.postroom.service.address;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.common.Settings;

/**
 * The life of distribution lists with an end date (a conference, a project): {@link #REMIND_DAYS}
 * before the end their owners are mailed; the day after it the list closes (Postfix refuses mail to
 * it with the day it closed) and the owners are told; {@link #retention} after closing it is
 * removed with its members. Runs daily, once per cluster ({@link ListLifecycleSchedule}); each list
 * is its own transaction, and a run again on the same day finds nothing more to do.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ListLifecycle {

  private static final Logger LOG = Logger.getLogger(ListLifecycle.class.getName());

  /** How many days before its end the owners of a list are reminded. */
  public static final int REMIND_DAYS = 14;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject ListLifecycleStep step;

  /** What a run did. */
  public record Report(int reminded, int closed, int removed) {}

  /**
   * How long a closed list is kept (its members, for reopening it by a new end date) before it is
   * removed: {@code POSTROOM_LIST_RETENTION_DAYS}, 90 days by default.
   */
  public static Duration retention() {
    return Duration.ofDays(
        Settings.get("postroom.list.retention.days").map(Long::parseLong).orElse(90L));
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Report run(LocalDate today) {
    Instant now = Instant.now();
    int reminded =
        each(
            ids(
                "l.closedAt is null and l.remindedAt is null and l.endsOn <= :day",
                today.plusDays(REMIND_DAYS)),
            id -> step.remind(id, now));
    int closed =
        each(
            ids("l.closedAt is null and l.endsOn < :day", today), id -> step.close(id, today, now));
    int removed =
        each(
            em.createQuery(
                    "select l.id from DistributionList l where l.closedAt < :cutoff order by l.id",
                    Long.class)
                .setParameter("cutoff", now.minus(retention()))
                .getResultList(),
            id -> step.remove(id, now));
    Report report = new Report(reminded, closed, removed);
    LOG.info(() -> "Distribution lists on " + today + ": " + report);
    return report;
  }

  private List<Long> ids(String condition, LocalDate day) {
    return em.createQuery(
            "select l.id from DistributionList l where " + condition + " order by l.id", Long.class)
        .setParameter("day", day)
        .getResultList();
  }

  private interface Step {
    boolean apply(long id);
  }

  /** Applies the step to each list, each in its own transaction; a list that fails waits. */
  private static int each(List<Long> ids, Step apply) {
    int done = 0;
    for (long id : ids) {
      try {
        if (apply.apply(id)) {
          done++;
        }
      } catch (EJBException e) {
        LOG.log(Level.WARNING, e, () -> "Distribution list " + id + " waits for the next run");
      }
    }
    return done;
  }
}
