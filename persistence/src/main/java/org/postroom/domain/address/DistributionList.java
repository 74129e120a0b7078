package org.postroom.domain.address;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.postroom.domain.account.Account;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.maildomain.MailDomain;

/**
 * An address that delivers to its members' addresses (inside or outside Postroom), for a conference
 * or a temporary project where a shared mailbox is not wanted. Postfix expands it from the portal's
 * view {@code mail_aliases}; it has no mailbox of its own.
 */
@Entity
@Table(name = "distribution_list")
public class DistributionList implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int MAX_MEMBERS = 5000;
  public static final int PURPOSE_MAX_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "distribution_list_seq")
  @SequenceGenerator(
      name = "distribution_list_seq",
      sequenceName = "distribution_list_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 320)
  private String address;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Column(length = PURPOSE_MAX_LENGTH)
  private String purpose;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "distribution_list_member", joinColumns = @JoinColumn(name = "list_id"))
  @Column(name = "address", nullable = false, length = 320)
  private Set<String> members = new TreeSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "send_policy", nullable = false, length = 16)
  private SendPolicy sendPolicy = SendPolicy.ANYONE;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "distribution_list_owner",
      joinColumns = @JoinColumn(name = "list_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  private Set<Account> owners = new LinkedHashSet<>();

  protected DistributionList() {}

  public DistributionList(MailDomain domain, String address, String purpose, Instant now) {
    if (purpose != null && purpose.length() > PURPOSE_MAX_LENGTH) {
      throw RuleViolationException.of("distributionList.purposeTooLong", PURPOSE_MAX_LENGTH);
    }
    this.domain = domain;
    this.address = address;
    this.purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
    this.createdAt = now;
  }

  /** Adds a member address (normalized); one already there is no change. */
  public void addMember(String raw) {
    String member = MailAddresses.normalize(raw);
    if (!MailAddresses.isWellFormed(member)) {
      throw RuleViolationException.of("distributionList.malformed", member);
    }
    if (member.equals(address)) {
      throw RuleViolationException.of("distributionList.self", member);
    }
    if (!members.contains(member) && members.size() >= MAX_MEMBERS) {
      throw RuleViolationException.of("distributionList.tooMany", MAX_MEMBERS);
    }
    members.add(member);
  }

  public void removeMember(String raw) {
    if (!members.remove(MailAddresses.normalize(raw))) {
      throw RuleViolationException.of("distributionList.notMember", MailAddresses.normalize(raw));
    }
  }

  /** Who may send to the list; Postfix enforces it through the policy service (view mail_lists). */
  public void sendFrom(SendPolicy policy) {
    this.sendPolicy = policy == null ? SendPolicy.ANYONE : policy;
  }

  /** The day after which the list closes (none: it stays until removed). */
  public void endOn(LocalDate day) {
    if (day != null ? !day.equals(endsOn) : endsOn != null) {
      remindedAt = null;
    }
    this.endsOn = day;
  }

  /** The owners were told the list ends on {@link #getEndsOn}. */
  public void reminded(Instant now) {
    remindedAt = now;
  }

  /** A closed list whose end was moved to {@code today} or later takes mail again. */
  public void reopenIfEndsAfter(LocalDate today) {
    if (closedAt != null && endsOn != null && !endsOn.isBefore(today)) {
      closedAt = null;
    }
  }

  /** The people who manage the list's members. */
  public void ownedBy(java.util.Collection<Account> people) {
    owners.clear();
    owners.addAll(people);
  }

  public boolean isOwnedBy(Account account) {
    return owners.contains(account);
  }

  /** Closes the list: mail to it is refused from now on (it stays for its retention period). */
  public void close(Instant now) {
    if (closedAt == null) {
      closedAt = now;
    }
  }

  public boolean isClosed() {
    return closedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getAddress() {
    return address;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public String getPurpose() {
    return purpose;
  }

  public List<String> getMembers() {
    return List.copyOf(new TreeSet<>(members));
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public SendPolicy getSendPolicy() {
    return sendPolicy;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Instant getRemindedAt() {
    return remindedAt;
  }

  public Set<Account> getOwners() {
    return Set.copyOf(owners);
  }
}
