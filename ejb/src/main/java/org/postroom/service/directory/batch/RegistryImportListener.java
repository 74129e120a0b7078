package org.postroom.service.directory.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.postroom.service.directory.ImportJobSteps;
import org.postroom.service.directory.ImportRun;

/** Records how the job ended and frees the cluster's import lock for the next one. */
@Named
@Dependent
public class RegistryImportListener extends AbstractJobListener {

  @Inject JobContext job;
  @Inject ImportJobSteps steps;

  @Override
  public void afterJob() {
    ImportRun run = (ImportRun) job.getTransientUserData();
    if (run == null || RegistryImportWriter.TAKEN_OVER.equals(job.getExitStatus())) {
      return;
    }
    boolean failed = job.getBatchStatus() == BatchStatus.FAILED;
    steps.end(
        run.importId(),
        failed,
        failed ? (run.failure() == null ? "the batch job failed" : run.failure()) : null);
  }
}
