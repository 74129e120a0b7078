package org.postroom.domain.sharedmailbox;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/**
 * A staff member's request, and its way through the helpdesk: for a shared mailbox, a distribution
 * list, or a change of a shared mailbox's members ({@link RequestKind}). The request guards its own
 * transitions; {@code openAddress} holds a new address while the request is open, so that a unique
 * index keeps two open requests (on any node) from claiming the same address.
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

  /** The requester's username (which never changes), so that the queue sorts by it unjoined. */
  @Column(name = "requester_username", nullable = false, updatable = false, length = 64)
  private String requesterUsername;

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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private RequestKind kind = RequestKind.SHARED_MAILBOX;

  /** A list's senders. */
  @Enumerated(EnumType.STRING)
  @Column(name = "send_policy", length = 16)
  private SendPolicy sendPolicy;

  /** A list's last day, if it has one. */
  @Column(name = "ends_on")
  private LocalDate endsOn;

  /** A list's owners. */
  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "shared_mailbox_request_owner",
      joinColumns = @JoinColumn(name = "request_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  @OrderBy("username")
  private List<Account> owners = new ArrayList<>();

  /** A list's members from outside the institution, by address. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "shared_mailbox_request_external",
      joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "address", nullable = false, length = 320)
  @OrderBy
  private Set<String> externalMembers = new LinkedHashSet<>();

  /** A member change's people to take off the mailbox (its {@code members} are those to add). */
  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "shared_mailbox_request_removal",
      joinColumns = @JoinColumn(name = "request_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  @OrderBy("username")
  private List<Account> removals = new ArrayList<>();

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
    violations.addAll(outsiders("members", members, domain));
    violations.addAll(checkPurpose(purpose));
    if (abbreviations != null && abbreviations.length() > ABBREVIATIONS_MAX) {
      violations.add(Violation.of("abbreviations", "request.text.tooLong", ABBREVIATIONS_MAX));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    SharedMailboxRequest request =
        newAt(
            domain, requester, wantedLocalPart, purpose, members, RequestKind.SHARED_MAILBOX, now);
    request.abbreviations =
        abbreviations == null || abbreviations.isBlank() ? null : abbreviations.strip();
    return request;
  }

  /**
   * A new distribution list: at least one owner (staff of the domain's institution), at least one
   * member (people of the institution, or external addresses), who may send, and perhaps the last
   * day of the conference or project it serves (after {@code today}).
   */
  public static SharedMailboxRequest submitList(
      MailDomain domain,
      Account requester,
      String wantedLocalPart,
      String purpose,
      Collection<Account> owners,
      Collection<Account> members,
      Collection<String> externals,
      SendPolicy sendPolicy,
      LocalDate endsOn,
      Instant now,
      LocalDate today) {
    SharedMailboxPolicy policy = domain.getSharedMailboxPolicy();
    List<Violation> violations = new ArrayList<>(policy.checkLocalPart(wantedLocalPart));
    violations.addAll(checkPurpose(purpose));
    if (owners.isEmpty()) {
      violations.add(Violation.of("owners", "request.owners.required"));
    }
    List<String> notStaff =
        owners.stream()
            .filter(o -> o.getType() != AccountType.STAFF)
            .map(Account::getUsername)
            .toList();
    if (!notStaff.isEmpty()) {
      violations.add(Violation.of("owners", "request.owners.staff", String.join(", ", notStaff)));
    }
    violations.addAll(outsiders("owners", owners, domain));
    violations.addAll(outsiders("members", members, domain));
    List<String> noAddress =
        members.stream().filter(m -> !m.hasContactAddress()).map(Account::getUsername).toList();
    if (!noAddress.isEmpty()) {
      violations.add(
          Violation.of("members", "request.members.noAddress", String.join(", ", noAddress)));
    }
    Set<String> external = new LinkedHashSet<>();
    List<String> malformed = new ArrayList<>();
    for (String raw : externals) {
      String address = MailAddresses.normalize(raw);
      if (MailAddresses.isWellFormed(address)
          && !address.equals(
              domain.addressOf(SharedMailboxPolicy.normalizeLocalPart(wantedLocalPart)))) {
        external.add(address);
      } else {
        malformed.add(raw.strip());
      }
    }
    if (!malformed.isEmpty()) {
      violations.add(
          Violation.of("externals", "request.externals.malformed", String.join(", ", malformed)));
    }
    int count = members.size() + external.size();
    if (count == 0) {
      violations.add(Violation.of("members", "request.list.membersRequired"));
    } else if (count > DistributionList.MAX_MEMBERS) {
      violations.add(
          Violation.of("members", "distributionList.tooMany", DistributionList.MAX_MEMBERS));
    }
    if (endsOn != null && !endsOn.isAfter(today)) {
      violations.add(Violation.of("endsOn", "request.endsOn.future"));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    SharedMailboxRequest request =
        newAt(
            domain,
            requester,
            wantedLocalPart,
            purpose,
            members,
            RequestKind.DISTRIBUTION_LIST,
            now);
    request.owners.addAll(owners);
    request.externalMembers.addAll(external);
    request.sendPolicy = sendPolicy == null ? SendPolicy.ANYONE : sendPolicy;
    request.endsOn = endsOn;
    return request;
  }

  /**
   * A member of a shared mailbox asks to add and remove people. The domain's member rules must hold
   * for the members it would leave (checked again at the decision, by {@link Mailbox}); it holds no
   * address, so that several changes of one mailbox may wait side by side.
   */
  public static SharedMailboxRequest submitMemberChange(
      Mailbox mailbox,
      Account requester,
      String reason,
      Collection<Account> toAdd,
      Collection<Account> toRemove,
      Instant now) {
    MailDomain domain = mailbox.getDomain();
    List<Violation> violations = new ArrayList<>(checkPurpose(reason));
    List<Account> current = mailbox.getMembers();
    if (!current.contains(requester)) {
      violations.add(Violation.of(null, "request.change.notMember", mailbox.getAddress()));
    }
    if (toAdd.isEmpty() && toRemove.isEmpty()) {
      violations.add(Violation.of("add", "request.change.empty"));
    }
    List<String> already =
        toAdd.stream().filter(current::contains).map(Account::getUsername).toList();
    if (!already.isEmpty()) {
      violations.add(
          Violation.of("add", "request.change.alreadyMember", String.join(", ", already)));
    }
    List<String> notMembers =
        toRemove.stream().filter(a -> !current.contains(a)).map(Account::getUsername).toList();
    if (!notMembers.isEmpty()) {
      violations.add(
          Violation.of("remove", "request.change.notAMember", String.join(", ", notMembers)));
    }
    violations.addAll(outsiders("add", toAdd, domain));
    List<Account> after = new ArrayList<>(current);
    after.removeAll(toRemove);
    toAdd.stream().filter(a -> !after.contains(a)).forEach(after::add);
    if (violations.isEmpty()) {
      violations.addAll(
          domain
              .getSharedMailboxPolicy()
              .checkMembers(after.stream().map(Account::getType).toList()));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    String at = mailbox.getAddress();
    SharedMailboxRequest request =
        newAt(
            domain,
            requester,
            at.substring(0, at.lastIndexOf('@')),
            reason,
            toAdd,
            RequestKind.MEMBER_CHANGE,
            now);
    request.address = at;
    request.openAddress = null;
    request.mailbox = mailbox;
    request.removals.addAll(toRemove);
    return request;
  }

  /**
   * An owner of a distribution list asks for a later last day (the conference or project goes on):
   * the list stays open, or opens again, until then once the helpdesk agrees.
   */
  public static SharedMailboxRequest submitListExtension(
      DistributionList list,
      Account requester,
      LocalDate endsOn,
      String reason,
      Instant now,
      LocalDate today) {
    List<Violation> violations = new ArrayList<>(checkPurpose(reason));
    if (!list.isOwnedBy(requester)) {
      violations.add(Violation.of(null, "request.extension.notOwner", list.getAddress()));
    }
    if (endsOn == null || !endsOn.isAfter(today)) {
      violations.add(Violation.of("endsOn", "request.endsOn.future"));
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    String at = list.getAddress();
    SharedMailboxRequest request =
        newAt(
            list.getDomain(),
            requester,
            at.substring(0, at.lastIndexOf('@')),
            reason,
            List.of(),
            RequestKind.LIST_EXTENSION,
            now);
    request.address = at;
    request.openAddress = null;
    request.endsOn = endsOn;
    return request;
  }

  private static SharedMailboxRequest newAt(
      MailDomain domain,
      Account requester,
      String wantedLocalPart,
      String purpose,
      Collection<Account> members,
      RequestKind kind,
      Instant now) {
    SharedMailboxRequest request = new SharedMailboxRequest();
    request.kind = kind;
    request.domain = domain;
    request.requester = requester;
    request.requesterUsername = requester.getUsername();
    request.localPart = SharedMailboxPolicy.normalizeLocalPart(wantedLocalPart);
    request.address = domain.addressOf(request.localPart);
    request.openAddress = request.address;
    request.purpose = purpose.strip();
    request.members.addAll(members);
    request.state = RequestState.SUBMITTED;
    request.submittedAt = now;
    return request;
  }

  private static List<Violation> checkPurpose(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      return List.of(Violation.of("purpose", "request.purpose.required"));
    }
    if (purpose.length() > PURPOSE_MAX) {
      return List.of(Violation.of("purpose", "request.text.tooLong", PURPOSE_MAX));
    }
    return List.of();
  }

  /** People of another institution than the domain's, as a violation of {@code field}. */
  private static List<Violation> outsiders(
      String field, Collection<Account> people, MailDomain domain) {
    List<String> outsiders =
        people.stream().filter(m -> !m.belongsTo(domain)).map(Account::getUsername).toList();
    return outsiders.isEmpty()
        ? List.of()
        : List.of(
            Violation.of(field, "request.members.otherInstitution", String.join(", ", outsiders)));
  }

  /**
   * The helpdesk agrees; the mailbox is still to be made. Four eyes: a helpdesk member who asked
   * for the mailbox or would get access to it cannot approve it; another one must.
   */
  public void approve(String helpdeskUser, Instant now) {
    requireOpen();
    if (isRequestedBy(helpdeskUser) || concerns(helpdeskUser)) {
      throw RuleViolationException.of("request.ownRequest");
    }
    state = RequestState.APPROVED;
    decidedBy = helpdeskUser;
    decidedAt = now;
  }

  /** Whether the person would gain or lose something by it: a member, an owner, one removed. */
  private boolean concerns(String username) {
    return members.stream().anyMatch(m -> m.getUsername().equals(username))
        || owners.stream().anyMatch(m -> m.getUsername().equals(username))
        || removals.stream().anyMatch(m -> m.getUsername().equals(username));
  }

  /** The mailbox exists: the request is done and its address is now the mailbox's. */
  public void provisioned(Mailbox createdMailbox, Instant now) {
    mailbox = createdMailbox;
    carriedOut(now);
  }

  /** The list exists, or the members changed: the request is done. */
  public void carriedOut(Instant now) {
    if (state != RequestState.APPROVED) {
      throw RuleViolationException.of("request.state.notApproved", state.name());
    }
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

  public RequestKind getKind() {
    return kind;
  }

  public SendPolicy getSendPolicy() {
    return sendPolicy;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public List<Account> getOwners() {
    return List.copyOf(owners);
  }

  public List<String> getExternalMembers() {
    return List.copyOf(externalMembers);
  }

  public List<Account> getRemovals() {
    return List.copyOf(removals);
  }
}
