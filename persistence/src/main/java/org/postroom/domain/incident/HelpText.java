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
import java.util.Optional;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;

/** A domain's own text for a help topic in one language, in Markdown (sanitised when shown). */
@Entity
@Table(name = "help_text")
public class HelpText implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int BODY_MAX = 20_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "help_text_seq")
  @SequenceGenerator(name = "help_text_seq", sequenceName = "help_text_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "domain_id", nullable = false)
  private MailDomain domain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private HelpTopic topic;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(nullable = false, length = BODY_MAX)
  private String body;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected HelpText() {}

  public HelpText(MailDomain domain, HelpTopic topic, String language) {
    this.domain = domain;
    this.topic = topic;
    this.language = language;
  }

  /**
   * What is wrong with a text for {@code field}: longer than {@value #BODY_MAX} characters, or with
   * control characters other than line breaks and tabs.
   */
  public static Optional<Violation> check(String field, String body) {
    if (body.length() > BODY_MAX
        || body.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      return Optional.of(Violation.of(field, "help.text.invalid", BODY_MAX));
    }
    return Optional.empty();
  }

  public void write(String body, String by, Instant now) {
    this.body = body;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  public HelpTopic getTopic() {
    return topic;
  }

  public String getLanguage() {
    return language;
  }

  public String getBody() {
    return body;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
