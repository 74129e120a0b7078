package org.postroom.service.incident;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries on a notice's mailing whose node died: every node looks every half minute for a mailing
 * that has not advanced for {@link org.postroom.domain.incident.NoticeMailing#STALLED_AFTER}, and
 * the first to claim it sends the rest. Each batch locks the mailing and starts after its cursor,
 * so a node that was only slow and carries on too mails nobody twice.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NoticeMailingTakeover {

  private static final Logger LOG = Logger.getLogger(NoticeMailingTakeover.class.getName());

  @Inject NoticeMailingSteps steps;
  @Resource ManagedExecutorService executor;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyHalfMinute() {
    try {
      List<Long> claimed = steps.claimStalled(Instant.now());
      for (long id : claimed) {
        LOG.info(() -> "Carrying on the mailing " + id + " of a node that stopped");
        executor.execute(() -> steps.sendAll(id));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not look for interrupted notice mailings", e);
    }
  }
}
