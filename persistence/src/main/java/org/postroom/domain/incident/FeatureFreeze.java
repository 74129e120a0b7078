package org.postroom.domain.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;

/**
 * A feature frozen by an administrator in one domain (or in all of them: no domain): changes to it
 * are refused, with the reason, from the moment it is frozen until its planned end or until it is
 * lifted. Its pages stay readable. Kept after lifting, for the record.
 */
@Entity
@Table(name = "feature_freeze")
public class FeatureFreeze implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int REASON_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feature_freeze_seq")
  @SequenceGenerator(
      name = "feature_freeze_seq",
      sequenceName = "feature_freeze_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  /** The domain frozen; none for every domain. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Feature feature;

  @Column(nullable = false, length = REASON_MAX)
  private String reason;

  @Column(name = "frozen_by", nullable = false, length = 64)
  private String frozenBy;

  @Column(name = "frozen_at", nullable = false)
  private Instant frozenAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(name = "lifted_by", length = 64)
  private String liftedBy;

  @Column(name = "lifted_at")
  private Instant liftedAt;

  /** The notice published with the freeze, ended when the freeze is lifted. */
  @Column(name = "notice_id")
  private Long noticeId;

  protected FeatureFreeze() {}

  /** A freeze from checked input ({@link #check}); throws with every broken rule otherwise. */
  public FeatureFreeze(
      MailDomain domain, Feature feature, String reason, Instant endsAt, String by, Instant now) {
    List<Violation> problems = check(feature, reason, endsAt, now);
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    this.domain = domain;
    this.feature = feature;
    this.reason = reason.strip();
    this.endsAt = endsAt;
    this.frozenBy = by;
    this.frozenAt = now;
  }

  /**
   * The rules of a freeze: a feature; a reason people can read, of at most {@value #REASON_MAX}
   * characters without control characters but line breaks; an end, if any, after now.
   */
  public static List<Violation> check(Feature feature, String reason, Instant endsAt, Instant now) {
    List<Violation> problems = new ArrayList<>();
    if (feature == null) {
      problems.add(Violation.of("features", "freeze.features.required"));
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      problems.add(Violation.of("reason", "freeze.reason.required"));
    } else if (text.length() > REASON_MAX
        || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
      problems.add(Violation.of("reason", "freeze.reason.invalid", REASON_MAX));
    }
    if (endsAt != null && !endsAt.isAfter(now)) {
      problems.add(Violation.of("endsAt", "freeze.endsAt.past"));
    }
    return problems;
  }

  /** Lifts the freeze now; refused when it has ended already. */
  public void lift(String by, Instant now) {
    if (!activeAt(now)) {
      throw RuleViolationException.of("freeze.alreadyLifted");
    }
    liftedBy = by;
    liftedAt = now;
  }

  public boolean activeAt(Instant now) {
    return liftedAt == null && (endsAt == null || endsAt.isAfter(now));
  }

  /** Whether it covers {@code other}: every domain, or that one. */
  public boolean covers(MailDomain other) {
    return domain == null || domain.equals(other);
  }

  public void announcedBy(Long noticeId) {
    this.noticeId = noticeId;
  }

  public Long getId() {
    return id;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public Feature getFeature() {
    return feature;
  }

  public String getReason() {
    return reason;
  }

  public String getFrozenBy() {
    return frozenBy;
  }

  public Instant getFrozenAt() {
    return frozenAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public String getLiftedBy() {
    return liftedBy;
  }

  public Instant getLiftedAt() {
    return liftedAt;
  }

  public Long getNoticeId() {
    return noticeId;
  }
}
