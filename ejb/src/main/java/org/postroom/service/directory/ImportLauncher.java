package org.postroom.service.directory;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts an import's batch job once its queuing has committed (the job reads the import from the
 * database). If the job cannot start, the import shows as interrupted after a while and an
 * administrator can resume it.
 */
@ApplicationScoped
public class ImportLauncher {

  private static final Logger LOG = Logger.getLogger(ImportLauncher.class.getName());

  static final String JOB = "registry-import";

  void launch(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued queued) {
    Properties parameters = new Properties();
    parameters.setProperty("importId", String.valueOf(queued.importId()));
    try {
      long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
      LOG.info(() -> "Registry import " + queued.importId() + " runs as job " + execution);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Registry import " + queued.importId() + " could not start", e);
    }
  }
}
