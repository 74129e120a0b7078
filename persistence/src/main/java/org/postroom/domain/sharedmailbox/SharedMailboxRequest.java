package org.postroom.domain.sharedmailbox;

import jakarta.persistence.Column;
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
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/**
 * A staff member's request for a shared mailbox, and its way through the helpdesk. The request
 * guards its own transitions; {@code openAddress} holds the address while the request is open, so
 * that a unique index keeps two open requests (on any node) from claiming the same address.
 */
@Entity
@Table(name = "shared_mailbox_request")
public class SharedMailboxRequest implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int ABBREVIATIONS_MAX = 1000;
  public static final int PURPOSE_MAX = 2000;
  public static final int REASON_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shared_mailbox_request_seq")
  @SequenceGenerator(
      name = "shared_mailbox_request_seq",
      sequenceName = "shared_mailbox_request_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @ManyToOne(optional = false)
  @JoinColumn(name = "requester_id")
  private Account requester;

  @Column(name = "local_part", nullable = false, length = 64)
  private String localPart;

  @Column(nullable = false, length = 320)
  private String address;

  @Column(name = "open_address", unique = true, length = 320)
  private String openAddress;

  @Column(length = ABBREVIATIONS_MAX)
  private String abbreviations;

  @Column(nullable = false, length = PURPOSE_MAX)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RequestState state;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "rejection_reason", length = REASON_MAX)
  private String rejectionReason;

  @Column(name = "closed_at")
  private Instant closedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "mailbox_id")
  private Mailbox mailbox;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "shared_mailbox_request_member",
      joinColumns = @JoinColumn(name = "request_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  @OrderBy("username")
  private List<Account> members = new ArrayList<>();

  protected SharedMailboxRequest() {}

  /**
   * A new request. The policy's rules on the address and the members are checked here too, so that
   * no path creates a request the domain does not allow; the service adds what needs the database
   * (uniqueness, existence of members).
   */
  public static SharedMailboxRequest submit(
      MailDomain domain,
      Account requester,
      String wantedLocalPart,
      String abbreviations,
      String purpose,
      Collection<Account> members,
      Instant now) {
    SharedMailboxPolicy policy = domain.getSharedMailboxPolicy();
    List<Violation> violations = new ArrayList<>(policy.checkLocalPart(wantedLocalPart));
    violations.addAll(policy.checkMembers(members.stream().map(Account::getType).toList()));
    List<String> outsiders =
        members.stream().filter(m -> !m.belongsTo(domain)).map(Account::getUsername).toList();
    if (!outsiders.isEmpty()) {
      violations.add(
          Violation.of(
              "members", "request.members.otherInstitution", String.join(", ", outsiders)));
    }
    if (purpose == null || purpose.isBlank()) {
      violations.add(Violation.of("purpose", "request.purpose.required"));
    } else if (purpose.length() > PURPOSE_MAX) {
      violations.add(Violation.of("purpose", "request.text.tooLong", PURPOSE_MAX));
    }
    if (abbreviations != null && abbreviations.length() > ABBREVIATIONS_MAX) {
      violations.add(Violation.of("abbreviations", "request.text.tooLong", ABBREVIATIONS_MAX));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    SharedMailboxRequest request = new SharedMailboxRequest();
    request.domain = domain;
    request.requester = requester;
    request.localPart = SharedMailboxPolicy.normalizeLocalPart(wantedLocalPart);
    request.address = domain.addressOf(request.localPart);
    request.openAddress = request.address;
    request.abbreviations =
        abbreviations == null || abbreviations.isBlank() ? null : abbreviations.strip();
    request.purpose = purpose.strip();
    request.members.addAll(members);
    request.state = RequestState.SUBMITTED;
    request.submittedAt = now;
    return request;
  }

  /**
   * The helpdesk agrees; the mailbox is still to be made. Four eyes: a helpdesk member who asked
   * for the mailbox or would get access to it cannot approve it; another one must.
   */
  public void approve(String helpdeskUser, Instant now) {
    requireOpen();
    if (isRequestedBy(helpdeskUser)
        || members.stream().anyMatch(m -> m.getUsername().equals(helpdeskUser))) {
      throw RuleViolationException.of("request.ownRequest");
    }
    state = RequestState.APPROVED;
    decidedBy = helpdeskUser;
    decidedAt = now;
  }

  /** The mailbox exists: the request is done and its address is now the mailbox's. */
  public void provisioned(Mailbox createdMailbox, Instant now) {
    if (state != RequestState.APPROVED) {
      throw RuleViolationException.of("request.state.notApproved", state.name());
    }
    mailbox = createdMailbox;
    state = RequestState.PROVISIONED;
    close(now);
  }

  public void reject(String helpdeskUser, String reason, Instant now) {
    requireOpen();
    if (reason == null || reason.isBlank()) {
      throw new RuleViolationException(Violation.of("reason", "request.reason.required"));
    }
    if (reason.length() > REASON_MAX) {
      throw new RuleViolationException(Violation.of("reason", "request.text.tooLong", REASON_MAX));
    }
    state = RequestState.REJECTED;
    rejectionReason = reason.strip();
    decidedBy = helpdeskUser;
    decidedAt = now;
    close(now);
  }

  /** Only the requester may withdraw, and only while nobody has decided. */
  public void cancel(Account by, Instant now) {
    if (!requester.equals(by)) {
      throw RuleViolationException.of("request.cancel.notRequester");
    }
    requireOpen();
    state = RequestState.CANCELLED;
    close(now);
  }

  public boolean isRequestedBy(String username) {
    return requester.getUsername().equals(username);
  }

  private void requireOpen() {
    if (!state.isOpen()) {
      throw RuleViolationException.of("request.state.decided", state.name());
    }
  }

  private void close(Instant now) {
    openAddress = null;
    closedAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public Account getRequester() {
    return requester;
  }

  public String getLocalPart() {
    return localPart;
  }

  public String getAddress() {
    return address;
  }

  public String getAbbreviations() {
    return abbreviations;
  }

  public String getPurpose() {
    return purpose;
  }

  public RequestState getState() {
    return state;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Mailbox getMailbox() {
    return mailbox;
  }

  public List<Account> getMembers() {
    return List.copyOf(members);
  }
}
