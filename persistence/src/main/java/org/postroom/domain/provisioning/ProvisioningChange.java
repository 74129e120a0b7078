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
import java.time.Duration;
import java.time.Instant;
import org.postroom.domain.common.Backoff;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;

/**
 * One change the mail server still has to make, written in the transaction of the portal change
 * that needs it, and applied later by the outbox worker. A change the mail server refuses is tried
 * again with exponential backoff; after {@link #ATTEMPTS} tries it waits for the helpdesk.
 */
@Entity
@Table(name = "provisioning_change")
public class ProvisioningChange implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Tries before the helpdesk is asked: 10 s, 20 s, … apart, about 21 minutes in all. */
  public static final int ATTEMPTS = 8;

  /** The server of the default settings, and of every change queued before there were several. */
  public static final String DEFAULT_SERVER = "default";

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
  static final Duration MAX_BACKOFF = Duration.ofHours(1);
  private static final Backoff BACKOFF = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provisioning_change_seq")
  @SequenceGenerator(
      name = "provisioning_change_seq",
      sequenceName = "provisioning_change_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "mailbox_id", nullable = false)
  private long mailboxId;

  /** The change's place among its mailbox's changes: the order their transactions committed. */
  @Column(name = "mailbox_seq", nullable = false)
  private long mailboxSeq;

  @Column(name = "mailbox_address", nullable = false, length = 320)
  private String mailboxAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private ChangeKind kind;

  @Column(length = 65536)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChangeState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "applied_at")
  private Instant appliedAt;

  @Column(name = "closed_by", length = 64)
  private String closedBy;

  /**
   * The mail server it is for: the provisioning key of the server its mailbox lived on when it was
   * queued ({@link #DEFAULT_SERVER}: the default settings).
   */
  @Column(name = "server_key", nullable = false, length = 32)
  private String serverKey = DEFAULT_SERVER;

  /** Queued by a reconcile to put back what the mail server lost. */
  @Column(nullable = false)
  private boolean repair;

  protected ProvisioningChange() {}

  public ProvisioningChange(
      Mailbox mailbox, ChangeKind kind, String payload, String createdBy, Instant now) {
    this(mailbox.getId(), mailbox.getAddress(), kind, payload, createdBy, now);
  }

  public ProvisioningChange(
      long mailboxId,
      String mailboxAddress,
      ChangeKind kind,
      String payload,
      String createdBy,
      Instant now) {
    if ((kind == ChangeKind.PUT_SIEVE) != (payload != null)) {
      throw new IllegalArgumentException(kind + " with payload " + (payload != null));
    }
    this.mailboxId = mailboxId;
    this.mailboxAddress = mailboxAddress;
    this.kind = kind;
    this.payload = payload;
    this.state = ChangeState.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.createdBy = createdBy;
  }

  /** Marks the change as a reconcile's repair of what the mail server lost. */
  public ProvisioningChange asRepair() {
    repair = true;
    return this;
  }

  public boolean isRepair() {
    return repair;
  }

  /** Binds the change to the mail server of that provisioning key (null: the default one). */
  public ProvisioningChange on(String serverKey) {
    this.serverKey = serverKey == null ? DEFAULT_SERVER : serverKey;
    return this;
  }

  public String getServerKey() {
    return serverKey;
  }

  /**
   * Places the change after the mailbox's change number {@code previous} (0: its first), as the
   * outbox does under a lock on the mailbox, so that a mailbox's changes apply in commit order.
   */
  public ProvisioningChange after(long previous) {
    this.mailboxSeq = previous + 1;
    return this;
  }

  /** The mail server has it. */
  public void applied(Instant now) {
    requireState(ChangeState.PENDING);
    attempts++;
    state = ChangeState.APPLIED;
    appliedAt = now;
    lastError = null;
  }

  /**
   * The mail server refused it: tried again after a backoff that doubles with every attempt, or
   * left to the helpdesk once the budget is spent.
   */
  public void refused(String error, Instant now) {
    requireState(ChangeState.PENDING);
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    if (attempts >= ATTEMPTS) {
      state = ChangeState.FAILED;
    } else {
      nextAttemptAt = now.plus(backoff(attempts));
    }
  }

  /** Exponential backoff after the given number of failed attempts. */
  static Duration backoff(int failedAttempts) {
    return BACKOFF.after(failedAttempts);
  }

  /** The helpdesk sends a failed change again, with a fresh retry budget. */
  public void retry(String by, Instant now) {
    requireState(ChangeState.FAILED);
    state = ChangeState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    closedBy = by;
  }

  /**
   * The helpdesk gives up on a failed change (e.g. what it would do was done by hand); the later
   * changes of its mailbox go ahead.
   */
  public void abandon(String by) {
    requireState(ChangeState.FAILED);
    state = ChangeState.ABANDONED;
    closedBy = by;
  }

  private void requireState(ChangeState expected) {
    if (state != expected) {
      throw RuleViolationException.of("provisioning.notInState", state.name());
    }
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public long getMailboxId() {
    return mailboxId;
  }

  public long getMailboxSeq() {
    return mailboxSeq;
  }

  public String getMailboxAddress() {
    return mailboxAddress;
  }

  public ChangeKind getKind() {
    return kind;
  }

  public String getPayload() {
    return payload;
  }

  public ChangeState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getAppliedAt() {
    return appliedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }
}
