package org.postroom.domain.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * One comparison of every mailbox's desired state with the mail server: its progress while it runs
 * and its report after, with the drift it found per kind. Each difference is put right by a
 * provisioning change; a mailbox with changes still outstanding is counted as pending and left to
 * them, which is why a second run finds nothing new to do.
 */
@Entity
@Table(name = "reconcile_run")
public class ReconcileRun implements Serializable {

  private static final long serialVersionUID = 1L;

  public enum State {
    RUNNING,
    FINISHED,
    STOPPED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconcile_run_seq")
  @SequenceGenerator(
      name = "reconcile_run_seq",
      sequenceName = "reconcile_run_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int total;

  @Column(nullable = false)
  private int checked;

  /** Mailboxes found as Postroom wants them. */
  @Column(name = "in_step", nullable = false)
  private int inStep;

  /** Mailboxes skipped because changes of theirs are still on their way. */
  @Column(nullable = false)
  private int pending;

  @Column(name = "missing_grants", nullable = false)
  private int missingGrants;

  @Column(name = "missing_scripts", nullable = false)
  private int missingScripts;

  @Column(name = "differing_scripts", nullable = false)
  private int differingScripts;

  @Column(name = "stray_scripts", nullable = false)
  private int strayScripts;

  /** Mailboxes the mail server could not be asked about. */
  @Column(nullable = false)
  private int unreachable;

  @Column(name = "last_mailbox_id")
  private Long lastMailboxId;

  @Column(length = 2000)
  private String error;

  protected ReconcileRun() {}

  public ReconcileRun(String startedBy, int total, Instant now) {
    this.startedBy = startedBy;
    this.total = total;
    this.startedAt = now;
    this.state = State.RUNNING;
  }

  /** What one page of mailboxes showed; the run continues after {@code lastMailboxId}. */
  public void checked(ReconcileFindings page, long lastMailboxId) {
    checked += page.checked();
    inStep += page.inStep();
    pending += page.pending();
    missingGrants += page.missingGrants();
    missingScripts += page.missingScripts();
    differingScripts += page.differingScripts();
    strayScripts += page.strayScripts();
    unreachable += page.unreachable();
    this.lastMailboxId = lastMailboxId;
  }

  public void finished(Instant now) {
    state = State.FINISHED;
    finishedAt = now;
  }

  public void stopped(String why, Instant now) {
    state = State.STOPPED;
    finishedAt = now;
    error = why == null ? null : why.substring(0, Math.min(why.length(), 2000));
  }

  /** Changes queued to put the drift right. */
  public int getRepaired() {
    return missingGrants + missingScripts + differingScripts + strayScripts;
  }

  /** 0–100, for the progress bar. */
  public int getPercentDone() {
    return state != State.RUNNING ? 100 : total == 0 ? 0 : Math.min(99, checked * 100 / total);
  }

  public Long getId() {
    return id;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public State getState() {
    return state;
  }

  public int getTotal() {
    return total;
  }

  public int getChecked() {
    return checked;
  }

  public int getInStep() {
    return inStep;
  }

  public int getPending() {
    return pending;
  }

  public int getMissingGrants() {
    return missingGrants;
  }

  public int getMissingScripts() {
    return missingScripts;
  }

  public int getDifferingScripts() {
    return differingScripts;
  }

  public int getStrayScripts() {
    return strayScripts;
  }

  public int getUnreachable() {
    return unreachable;
  }

  public Long getLastMailboxId() {
    return lastMailboxId;
  }

  public String getError() {
    return error;
  }
}
