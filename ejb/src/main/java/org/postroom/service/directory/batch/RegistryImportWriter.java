package org.postroom.service.directory.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.postroom.service.directory.ImportJobSteps;
import org.postroom.service.directory.ImportLine;
import org.postroom.service.directory.ImportRun;
import org.postroom.service.directory.ImportTakenOverException;
import org.postroom.service.directory.RegistryLines;

/** Applies a chunk of lines; progress and data commit together (see {@code ImportJournal}). */
@Named
@Dependent
public class RegistryImportWriter extends AbstractItemWriter {

  /** The job's item-count; the same as the chunks the lines are written in. */
  static final int CHUNK_SIZE = RegistryLines.CHUNK_SIZE;

  static final String TAKEN_OVER = "TAKEN_OVER";

  @Inject JobContext job;
  @Inject ImportJobSteps steps;

  @Override
  public void writeItems(List<Object> items) {
    ImportRun run = (ImportRun) job.getTransientUserData();
    try {
      steps.apply(run, items.stream().map(ImportLine.class::cast).toList());
    } catch (ImportTakenOverException other) {
      job.setExitStatus(TAKEN_OVER);
      throw other;
    } catch (RuntimeException e) {
      run.failed(e.toString());
      throw e;
    }
  }
}
