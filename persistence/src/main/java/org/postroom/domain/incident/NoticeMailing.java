package org.postroom.domain.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A notice mailed to the people of its domains, in batches by account id: each batch commits its
 * mails with the cursor, so the progress shown is what is queued, and a mailing continued after its
 * node died starts after the last account it mailed.
 */
@Entity
@Table(name = "notice_mailing")
public class NoticeMailing implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A running mailing not advanced for this long has lost its node: it may be continued. */
  public static final Duration STALLED_AFTER = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_mailing_seq")
  @SequenceGenerator(
      name = "notice_mailing_seq",
      sequenceName = "notice_mailing_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "notice_id", nullable = false)
  private long noticeId;

  @Column(nullable = false)
  private int total;

  @Column(nullable = false)
  private int mailed;

  @Column(name = "without_address", nullable = false)
  private int withoutAddress;

  @Column(name = "last_account_id", nullable = false)
  private long lastAccountId;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected NoticeMailing() {}

  public NoticeMailing(long noticeId, int total, String startedBy, Instant now) {
    this.noticeId = noticeId;
    this.total = total;
    this.startedBy = startedBy;
    this.startedAt = now;
    this.updatedAt = now;
  }

  /** A batch is queued: its mails, the people it found no address for, its last account. */
  public void advanced(int mailedNow, int withoutAddressNow, long lastAccount, Instant now) {
    mailed += mailedNow;
    withoutAddress += withoutAddressNow;
    lastAccountId = lastAccount;
    updatedAt = now;
  }

  public void finished(Instant now) {
    finishedAt = now;
    updatedAt = now;
  }

  /** Continued by another run (its node died): the clock of the stall starts again. */
  public void resumed(Instant now) {
    updatedAt = now;
  }

  public boolean isFinished() {
    return finishedAt != null;
  }

  public boolean isStalled(Instant now) {
    return finishedAt == null && updatedAt.plus(STALLED_AFTER).isBefore(now);
  }

  public Long getId() {
    return id;
  }

  public long getNoticeId() {
    return noticeId;
  }

  public int getTotal() {
    return total;
  }

  public int getMailed() {
    return mailed;
  }

  public int getWithoutAddress() {
    return withoutAddress;
  }

  public long getLastAccountId() {
    return lastAccountId;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
