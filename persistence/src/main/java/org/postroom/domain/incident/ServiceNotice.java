package org.postroom.domain.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;

/**
 * What an administrator tells people about the service: a severity, a title and Markdown text per
 * language, when it shows, the domains it concerns (or all) and the features it is about. Shown on
 * every page while it runs; never deleted, so the notices page keeps the history.
 */
@Entity
@Table(name = "service_notice")
public class ServiceNotice implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int TITLE_MAX = 200;
  public static final int BODY_MAX = 5000;

  /** At least the longest page of notices (the history pages by at most 100). */
  private static final int BATCH = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_notice_seq")
  @SequenceGenerator(
      name = "service_notice_seq",
      sequenceName = "service_notice_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private NoticeSeverity severity;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(name = "all_domains", nullable = false)
  private boolean allDomains;

  // the collections of a page of notices load in one query each, not one per notice (every page
  // shows the running ones)
  @ManyToMany(fetch = FetchType.LAZY)
  @BatchSize(size = BATCH)
  @JoinTable(
      name = "service_notice_domain",
      joinColumns = @JoinColumn(name = "notice_id"),
      inverseJoinColumns = @JoinColumn(name = "domain_id"))
  private Set<MailDomain> domains = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = BATCH)
  @CollectionTable(name = "service_notice_feature", joinColumns = @JoinColumn(name = "notice_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "feature", nullable = false, length = 32)
  private Set<Feature> features = EnumSet.noneOf(Feature.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @BatchSize(size = BATCH)
  @CollectionTable(name = "service_notice_text", joinColumns = @JoinColumn(name = "notice_id"))
  @MapKeyColumn(name = "language", length = 8)
  private Map<String, NoticeText> texts = new LinkedHashMap<>();

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_by", length = 64)
  private String endedBy;

  protected ServiceNotice() {}

  /** A notice from checked input ({@link #check}); throws with every broken rule otherwise. */
  public ServiceNotice(
      NoticeSeverity severity,
      Instant startsAt,
      Instant endsAt,
      boolean allDomains,
      Set<MailDomain> domains,
      Set<Feature> features,
      Map<String, NoticeText> texts,
      String createdBy,
      Instant now) {
    List<Violation> problems =
        check(severity, startsAt, endsAt, allDomains, domains.size(), texts, now);
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    this.severity = severity;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.allDomains = allDomains;
    this.domains = allDomains ? new HashSet<>() : new HashSet<>(domains);
    this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    this.texts = new LinkedHashMap<>(texts);
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /**
   * The rules of a notice: a severity; a title in at least one of the product's languages, one line
   * of at most {@value #TITLE_MAX} characters, and text of at most {@value #BODY_MAX}; a start, and
   * an end after both the start and now; all domains or some.
   */
  public static List<Violation> check(
      NoticeSeverity severity,
      Instant startsAt,
      Instant endsAt,
      boolean allDomains,
      int domainCount,
      Map<String, NoticeText> texts,
      Instant now) {
    List<Violation> problems = new ArrayList<>();
    if (severity == null) {
      problems.add(Violation.of("severity", "notice.severity.required"));
    }
    if (texts.isEmpty()) {
      problems.add(Violation.of("title." + MailDomain.LANGUAGES.get(0), "notice.title.required"));
    }
    texts.forEach(
        (language, text) -> {
          if (!MailDomain.LANGUAGES.contains(language)) {
            problems.add(Violation.of(null, "notice.language.unknown", language));
            return;
          }
          String title = text.getTitle() == null ? "" : text.getTitle();
          if (title.isBlank()) {
            problems.add(Violation.of("title." + language, "notice.title.required"));
          } else if (title.length() > TITLE_MAX
              || title.chars().anyMatch(Character::isISOControl)) {
            problems.add(Violation.of("title." + language, "notice.title.invalid", TITLE_MAX));
          }
          String body = text.getBody() == null ? "" : text.getBody();
          if (body.length() > BODY_MAX
              || body.chars()
                  .anyMatch(
                      c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(Violation.of("body." + language, "notice.body.invalid", BODY_MAX));
          }
        });
    if (startsAt == null) {
      problems.add(Violation.of("startsAt", "notice.startsAt.required"));
    } else if (endsAt != null && !endsAt.isAfter(startsAt)) {
      problems.add(Violation.of("endsAt", "notice.endsAt.beforeStart"));
    }
    if (endsAt != null && !endsAt.isAfter(now)) {
      problems.add(Violation.of("endsAt", "notice.endsAt.past"));
    }
    if (!allDomains && domainCount == 0) {
      problems.add(Violation.of("domains", "notice.domains.required"));
    }
    return problems;
  }

  /** Ends the notice now (it stays in the history). */
  public void end(String by, Instant now) {
    if (!runningOrComing(now)) {
      throw RuleViolationException.of("notice.alreadyEnded");
    }
    endsAt = now.isAfter(startsAt) ? now : startsAt;
    endedBy = by;
  }

  public boolean activeAt(Instant now) {
    return !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
  }

  public boolean runningOrComing(Instant now) {
    return endsAt == null || endsAt.isAfter(now);
  }

  public boolean concerns(MailDomain domain) {
    return allDomains || domains.contains(domain);
  }

  /** The text in {@code language}, else in the first language it was written in. */
  public NoticeText textIn(String language) {
    NoticeText text = texts.get(language);
    return text != null ? text : texts.values().iterator().next();
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public NoticeSeverity getSeverity() {
    return severity;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  public boolean isAllDomains() {
    return allDomains;
  }

  public Set<MailDomain> getDomains() {
    return Set.copyOf(domains);
  }

  public Set<Feature> getFeatures() {
    return features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
  }

  public Map<String, NoticeText> getTexts() {
    return Map.copyOf(texts);
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getEndedBy() {
    return endedBy;
  }
}
