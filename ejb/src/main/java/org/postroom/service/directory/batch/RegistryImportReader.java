package org.postroom.service.directory.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.directory.ImportJobSteps;
import org.postroom.service.directory.ImportRun;

/**
 * Reads an import's lines from where the import got to (its own count, kept with the data, not the
 * batch checkpoint), and ends the step early when an administrator asked to pause.
 */
@Named
@Dependent
public class RegistryImportReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject ImportJobSteps steps;

  private ImportRun run;
  private int position;
  private int sinceCheck;

  @Override
  public void open(Serializable checkpoint) {
    long importId =
        Long.parseLong(
            BatchRuntime.getJobOperator()
                .getParameters(job.getExecutionId())
                .getProperty("importId"));
    run = steps.begin(importId);
    job.setTransientUserData(run);
    position = run == null ? 0 : run.processed();
  }

  @Override
  public Object readItem() {
    if (run == null || position >= run.lines().size()) {
      return null;
    }
    if (sinceCheck++ % RegistryImportWriter.CHUNK_SIZE == 0
        && steps.pauseRequested(run.importId())) {
      return null;
    }
    return run.lines().get(position++);
  }
}
