package org.postroom.domain.sieve;

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
import java.util.List;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;

/**
 * One of a mailbox's filter rules, at its place in their order ({@code position}, from 0), switched
 * on or off. What it does is a {@link FilterSpec}; the Sieve builder writes the enabled rules, in
 * order, into the mailbox's script.
 */
@Entity
@Table(name = "filter_rule")
public class FilterRule implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rules one mailbox may have: the page lists them all, the script stays small. */
  public static final int MAX_PER_MAILBOX = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "filter_rule_seq")
  @SequenceGenerator(
      name = "filter_rule_seq",
      sequenceName = "filter_rule_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "mailbox_id")
  private Mailbox mailbox;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private boolean enabled;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private FilterField field;

  @Column(name = "header_name", length = FilterSpec.HEADER_MAX)
  private String headerName;

  @Enumerated(EnumType.STRING)
  @Column(name = "match_type", length = 16)
  private FilterMatch match;

  @Column(name = "match_value", length = FilterSpec.VALUE_MAX)
  private String value;

  @Column(name = "size_kb")
  private Long sizeKb;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private FilterDestination destination;

  @Column(length = FilterSpec.FOLDER_MAX)
  private String folder;

  @Column(name = "mark_read", nullable = false)
  private boolean markRead;

  @Column(name = "forward_to", length = 320)
  private String forwardTo;

  @Column(name = "stop_after", nullable = false)
  private boolean stop;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected FilterRule() {}

  /** A new, enabled rule at {@code position}; a broken spec changes nothing. */
  public FilterRule(Mailbox mailbox, int position, FilterSpec spec, Instant now) {
    this.mailbox = mailbox;
    this.position = position;
    this.enabled = true;
    change(spec, now);
  }

  /**
   * Makes the rule do what {@code spec} says (normalized first); every broken rule is reported at
   * once and nothing is changed.
   */
  public void change(FilterSpec spec, Instant now) {
    FilterSpec clean = spec.normalized();
    List<Violation> found = clean.violations();
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    field = clean.field();
    headerName = clean.headerName();
    match = clean.match();
    value = clean.value();
    sizeKb = clean.sizeKb();
    destination = clean.destination();
    folder = clean.folder();
    markRead = clean.markRead();
    forwardTo = clean.forwardTo();
    stop = clean.stop();
    updatedAt = now;
  }

  public FilterSpec spec() {
    return new FilterSpec(
        field, headerName, match, value, sizeKb, destination, folder, markRead, forwardTo, stop);
  }

  public void enable(boolean on, Instant now) {
    enabled = on;
    updatedAt = now;
  }

  public void moveTo(int newPosition) {
    position = newPosition;
  }

  public Long getId() {
    return id;
  }

  public Mailbox getMailbox() {
    return mailbox;
  }

  public int getPosition() {
    return position;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
