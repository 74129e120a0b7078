package org.postroom.domain.notification;

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

/**
 * A notification mail in the outbox: written in the transaction of the change it reports, sent
 * after the commit by the node that holds the mail outbox's lease. A mail the relay does not take
 * is tried again with a backoff; after {@link #ATTEMPTS} tries it waits for the helpdesk.
 */
@Entity
@Table(name = "queued_mail")
public class QueuedMail implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Tries before the helpdesk is asked: 30 s, 1 min, 2 min … apart, about two hours in all. */
  public static final int ATTEMPTS = 9;

  private static final Backoff BACKOFF =
      new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

  /** Where a mail stands. */
  public enum State {
    PENDING,
    SENT,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "queued_mail_seq")
  @SequenceGenerator(
      name = "queued_mail_seq",
      sequenceName = "queued_mail_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 320)
  private String recipient;

  @Column(name = "recipient_name", length = 1000)
  private String recipientName;

  @Column(name = "deliver_to", nullable = false, length = 320)
  private String deliverTo;

  @Column(nullable = false, length = 2000)
  private String subject;

  @Column(nullable = false, length = 65536)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  /** Mail to many, sent after the mail about people's own changes. */
  @Column(nullable = false)
  private boolean bulk;

  protected QueuedMail() {}

  public QueuedMail(
      String recipient,
      String recipientName,
      String deliverTo,
      String subject,
      String body,
      Instant now) {
    this.recipient = recipient;
    this.recipientName = recipientName;
    this.deliverTo = deliverTo;
    this.subject = subject;
    this.body = body;
    this.state = State.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Marks it as mail to many: it waits behind the mail about people's own changes. */
  public QueuedMail asBulk() {
    bulk = true;
    return this;
  }

  public boolean isBulk() {
    return bulk;
  }

  /** The relay took it. */
  public void sent(Instant now) {
    requireState(State.PENDING);
    attempts++;
    state = State.SENT;
    sentAt = now;
    lastError = null;
  }

  /** The relay did not take it: tried again later, or left to the helpdesk. */
  public void notSent(String error, Instant now) {
    requireState(State.PENDING);
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    if (attempts >= ATTEMPTS) {
      state = State.FAILED;
    } else {
      nextAttemptAt = now.plus(BACKOFF.after(attempts));
    }
  }

  /** The helpdesk sends a failed mail again, with a fresh budget of tries. */
  public void retry(Instant now) {
    requireState(State.FAILED);
    state = State.PENDING;
    attempts = 0;
    nextAttemptAt = now;
  }

  private void requireState(State expected) {
    if (state != expected) {
      throw RuleViolationException.of("queuedMail.notInState", state.name());
    }
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public String getDeliverTo() {
    return deliverTo;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public State getState() {
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

  public Instant getSentAt() {
    return sentAt;
  }
}
