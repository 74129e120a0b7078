package org.postroom.service.lifecycle;

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
 * Runs the account lifecycle every night on every node; only the node that first claims the day (a
 * conditional update of {@code cluster_lock.last_done_on}) does the work, so it runs once per
 * cluster. A node that dies mid-run leaves the rest for the next night, which catches up: the
 * lifecycle moves accounts by their state, not by the day.
 */
@Singleton
@PermitAll
@RunAs(Roles.ADMIN)
public class LifecycleSchedule {

  private static final Logger LOG = Logger.getLogger(LifecycleSchedule.class.getName());

  @Inject ClusterLock lock;
  @Inject AccountLifecycle lifecycle;

  @Schedule(hour = "2", minute = "15", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void nightly() {
    LocalDate today = LocalDate.now();
    if (!lock.claimDay("account-lifecycle", today)) {
      LOG.fine("Another node runs today's account lifecycle");
      return;
    }
    try {
      lifecycle.run(today);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The account lifecycle stopped; the next run catches up", e);
    }
  }
}
