package org.postroom.service.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.service.cluster.ClusterLock;

/**
 * Carries on a registry import whose node died: every node looks every few seconds for an import
 * that showed no progress for {@link #STALL_AFTER}, and the first to claim it runs its job where it
 * got to. A job that was only slow, not dead, finds at its next chunk that the progress moved on
 * without it and stops ({@link ImportTakenOverException}), so no line is applied twice.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ImportTakeover {

  private static final Logger LOG = Logger.getLogger(ImportTakeover.class.getName());

  /**
   * How long a running import may show no progress before another node carries it on: the workers'
   * lease ({@code POSTROOM_LEASE_SECONDS}). A chunk of the job commits its progress far more often.
   */
  public static final Duration STALL_AFTER = ClusterLock.WORKER_LEASE;

  @Inject ImportJobSteps steps;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyFewSeconds() {
    try {
      steps.takeOverStalled(STALL_AFTER);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not look for interrupted registry imports", e);
    }
  }
}
