package org.postroom.service.directory;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.imports.ImportState;
import org.postroom.domain.imports.RegistryImport;

/** Where an import stands, for the admin page and the API; {@code stalled}: its node seems dead. */
public record ImportStatus(
    long id,
    String fileName,
    ImportState state,
    boolean stalled,
    boolean pauseRequested,
    String startedBy,
    Instant createdAt,
    Instant finishedAt,
    int totalLines,
    int processedLines,
    int created,
    int updated,
    int unchanged,
    int rejected,
    String failure)
    implements Serializable {

  static ImportStatus of(RegistryImport i, Instant now) {
    return new ImportStatus(
        i.getId(),
        i.getFileName(),
        i.getState(),
        i.isStalled(now),
        i.isPauseRequested(),
        i.getStartedBy(),
        i.getCreatedAt(),
        i.getFinishedAt(),
        i.getTotalLines(),
        i.getProcessedLines(),
        i.getCreatedCount(),
        i.getUpdatedCount(),
        i.getUnchangedCount(),
        i.getRejectedCount(),
        i.getFailure());
  }

  /** Progress in whole percent. */
  public int percent() {
    return totalLines == 0 ? 100 : (int) (100L * processedLines / totalLines);
  }

  public boolean resumable() {
    return state.isResumable() || stalled;
  }

  public boolean pausable() {
    return state.isActive() && !stalled && !pauseRequested;
  }

  public boolean abandonable() {
    return resumable();
  }
}
