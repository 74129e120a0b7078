package org.postroom.service.quota;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.mailsystem.DoveadmClient;

/**
 * Reads quota usage every 15 minutes, once per cluster: every node wakes, the one that claims the
 * interval scans.
 */
@Singleton
@PermitAll
@RunAs(Roles.ADMIN)
public class QuotaSchedule {

  private static final Logger LOG = Logger.getLogger(QuotaSchedule.class.getName());

  static final Duration INTERVAL = Duration.ofMinutes(14);

  @Inject DoveadmClient server;
  @Inject ClusterLock lock;
  @Inject QuotaScan scan;

  @Schedule(hour = "*", minute = "*/15", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyQuarterHour() {
    if (!server.configured() || !lock.claimInterval("quota-scan", INTERVAL)) {
      return;
    }
    try {
      scan.scan();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The quota scan stopped; the next one reads everything again", e);
    }
  }
}
