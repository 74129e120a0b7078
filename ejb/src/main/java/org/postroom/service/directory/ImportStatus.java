package org.postroom.service.directory;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.directory.ImportState;
import org.postroom.domain.directory.RegistryImport;

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

  /**
   * For {@code select new}: the status from the import's columns, without loading its file (which
   * can be 20 MB; Hibernate would load it with the entity).
   */
  public ImportStatus(
      long id,
      String fileName,
      ImportState state,
      Instant heartbeatAt,
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
      String failure) {
    this(
        id,
        fileName,
        state,
        RegistryImport.isStalled(
            state, heartbeatAt, createdAt, ImportTakeover.STALL_AFTER, Instant.now()),
        pauseRequested,
        startedBy,
        createdAt,
        finishedAt,
        totalLines,
        processedLines,
        created,
        updated,
        unchanged,
        rejected,
        failure);
  }

  /** The JPQL select list of that constructor, for imports aliased {@code i}. */
  static final String SELECT =
      "select new org.postroom.service.directory.ImportStatus(i.id, i.fileName, i.state,"
          + " i.heartbeatAt, i.pauseRequested, i.startedBy, i.createdAt, i.finishedAt,"
          + " i.totalLines, i.processedLines, i.createdCount, i.updatedCount, i.unchangedCount,"
          + " i.rejectedCount, i.failure) from RegistryImport i";

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
