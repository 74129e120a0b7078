package org.postroom.domain.vacation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;

/**
 * A mailbox's automatic reply while its owner is away: a subject, a text, optional first and last
 * days, and how many days pass before the same sender is answered again. The text may hold anything
 * a person types (quotes, backslashes, a line with a single dot, non-ASCII); the Sieve builder
 * carries it as data. Line breaks are kept as {@code \n}; other control characters are refused.
 */
@Entity
@Table(name = "vacation_reply")
public class VacationReply implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int SUBJECT_MAX = 200;
  public static final int BODY_MAX = 10_000;
  public static final int INTERVAL_MIN = 1;
  public static final int INTERVAL_MAX = 30;

  @Id
  @Column(name = "mailbox_id")
  private Long mailboxId;

  @Version private long version;

  @Column(nullable = false, length = SUBJECT_MAX)
  private String subject;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "starts_on")
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Column(name = "interval_days", nullable = false)
  private int intervalDays;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected VacationReply() {}

  public VacationReply(Mailbox mailbox) {
    this.mailboxId = mailbox.getId();
  }

  /** Sets the reply; every broken rule is reported at once and nothing is changed. */
  public void set(
      String subject,
      String body,
      LocalDate startsOn,
      LocalDate endsOn,
      Integer intervalDays,
      Instant now) {
    String cleanSubject = subject == null ? "" : subject.strip();
    String cleanBody = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
    List<Violation> violations = new ArrayList<>();
    if (cleanSubject.isEmpty()) {
      violations.add(Violation.of("subject", "vacation.subject.required"));
    } else if (cleanSubject.length() > SUBJECT_MAX) {
      violations.add(Violation.of("subject", "vacation.subject.tooLong", SUBJECT_MAX));
    } else if (hasControl(cleanSubject, false)) {
      violations.add(Violation.of("subject", "vacation.subject.lineBreak"));
    }
    if (cleanBody.isEmpty()) {
      violations.add(Violation.of("body", "vacation.body.required"));
    } else if (cleanBody.length() > BODY_MAX) {
      violations.add(Violation.of("body", "vacation.body.tooLong", BODY_MAX));
    } else if (hasControl(cleanBody, true)) {
      violations.add(Violation.of("body", "vacation.body.control"));
    }
    if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
      violations.add(Violation.of("endsOn", "vacation.endsBeforeStart"));
    }
    if (intervalDays == null || intervalDays < INTERVAL_MIN || intervalDays > INTERVAL_MAX) {
      violations.add(
          Violation.of("intervalDays", "vacation.interval.range", INTERVAL_MIN, INTERVAL_MAX));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    this.subject = cleanSubject;
    this.body = cleanBody;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.intervalDays = intervalDays;
    this.updatedAt = now;
  }

  /** Control characters (and a lone surrogate) other than line breaks and tabs in a text. */
  private static boolean hasControl(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t'))
          || Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(++i)))) {
        return true;
      }
    }
    return false;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public int getIntervalDays() {
    return intervalDays;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
