package org.postroom.domain.directory;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.postroom.domain.common.Secrets;

/**
 * One upload of the registry file and the batch job that applies it. The file is kept in the
 * database (any node may run or resume the job); how far the job got is counted in the same
 * transaction as the people it wrote.
 */
@Entity
@Table(name = "registry_import")
// The job counts progress with bulk updates while administrators pause or resume: each write of
// this entity must set only the columns it changed, or it would put back stale counts.
@DynamicUpdate
public class RegistryImport implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int FAILURE_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registry_import_seq")
  @SequenceGenerator(
      name = "registry_import_seq",
      sequenceName = "registry_import_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  /** Hex SHA-256 of the content: the same file twice in a row is refused. */
  @Column(name = "content_sha256", length = 64)
  private String contentSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ImportState state;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "heartbeat_at")
  private Instant heartbeatAt;

  @Column(name = "total_lines", nullable = false)
  private int totalLines;

  @Column(name = "processed_lines", nullable = false)
  private int processedLines;

  @Column(name = "created_count", nullable = false)
  private int createdCount;

  @Column(name = "updated_count", nullable = false)
  private int updatedCount;

  @Column(name = "unchanged_count", nullable = false)
  private int unchangedCount;

  @Column(name = "rejected_count", nullable = false)
  private int rejectedCount;

  @Column(name = "pause_requested", nullable = false)
  private boolean pauseRequested;

  @Column(length = FAILURE_MAX)
  private String failure;

  protected RegistryImport() {}

  public RegistryImport(
      String fileName, byte[] content, int totalLines, String startedBy, Instant now) {
    this.fileName = fileName;
    this.content = content.clone();
    this.contentSha256 = Secrets.sha256(content);
    this.totalLines = totalLines;
    this.startedBy = startedBy;
    this.createdAt = now;
    this.state = ImportState.QUEUED;
  }

  /** Queued again to continue where it stopped. */
  public void resume() {
    if (!state.isResumable() && state != ImportState.RUNNING) {
      throw new IllegalStateException("cannot resume an import that is " + state);
    }
    state = ImportState.QUEUED;
    pauseRequested = false;
    failure = null;
  }

  public void running(Instant now) {
    state = ImportState.RUNNING;
    heartbeatAt = now;
  }

  public void requestPause() {
    pauseRequested = true;
  }

  /** The job ended: completed when every line was handled, else paused or failed. */
  public void ended(boolean failed, String why, Instant now) {
    if (processedLines >= totalLines) {
      state = ImportState.COMPLETED;
    } else if (failed) {
      state = ImportState.FAILED;
      failure = why == null || why.length() <= FAILURE_MAX ? why : why.substring(0, FAILURE_MAX);
    } else {
      state = ImportState.STOPPED;
    }
    finishedAt = now;
  }

  public void abandon(Instant now) {
    state = ImportState.ABANDONED;
    finishedAt = now;
  }

  /** Queued or running, but without progress for {@code stallAfter}: its node most likely died. */
  public boolean isStalled(Duration stallAfter, Instant now) {
    return isStalled(state, heartbeatAt, createdAt, stallAfter, now);
  }

  /** The same, from the columns alone (for queries that do not load the file). */
  public static boolean isStalled(
      ImportState state, Instant heartbeatAt, Instant createdAt, Duration stallAfter, Instant now) {
    Instant last = heartbeatAt == null ? createdAt : heartbeatAt;
    return state.isActive() && last.plus(stallAfter).isBefore(now);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getFileName() {
    return fileName;
  }

  public byte[] getContent() {
    return content.clone();
  }

  public ImportState getState() {
    return state;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Instant getHeartbeatAt() {
    return heartbeatAt;
  }

  public int getTotalLines() {
    return totalLines;
  }

  public int getProcessedLines() {
    return processedLines;
  }

  public int getCreatedCount() {
    return createdCount;
  }

  public int getUpdatedCount() {
    return updatedCount;
  }

  public int getUnchangedCount() {
    return unchangedCount;
  }

  public int getRejectedCount() {
    return rejectedCount;
  }

  public boolean isPauseRequested() {
    return pauseRequested;
  }

  public String getFailure() {
    return failure;
  }

  /** Whether {@code other} is the same file as this import's (by content, not by name). */
  public boolean sameContentAs(RegistryImport other) {
    return other != null && contentSha256 != null && contentSha256.equals(other.contentSha256);
  }
}
