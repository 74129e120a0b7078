package org.postroom.service.address;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.cluster.ClusterLock;

/**
 * Runs {@link ListLifecycle} every night on every node; the first node to claim the day does the
 * work, so it runs once per cluster. A missed night is caught up: the steps go by the lists' dates.
 */
@Singleton
@PermitAll
@RunAs(Roles.ADMIN)
public class ListLifecycleSchedule {

  private static final Logger LOG = Logger.getLogger(ListLifecycleSchedule.class.getName());

  @Inject ClusterLock lock;
  @Inject ListLifecycle lifecycle;

  @Schedule(hour = "2", minute = "45", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void nightly() {
    LocalDate today = LocalDate.now();
    if (!lock.claimDay("list-lifecycle", today)) {
      LOG.fine("Another node runs today's distribution list lifecycle");
      return;
    }
    try {
      lifecycle.run(today);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The distribution list lifecycle stopped; the next run catches up", e);
    }
  }
}
