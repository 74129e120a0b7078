package org.postroom.domain.mailbox;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.forwarding.ForwardRules;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;

/**
 * A mailbox on the mail server as Postroom wants it: its address, the login that opens it, its
 * quota, and for a shared mailbox the accounts that may open it with their own password.
 */
@Entity
@Table(name = "mailbox")
public class Mailbox implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_seq")
  @SequenceGenerator(name = "mailbox_seq", sequenceName = "mailbox_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 320)
  private String address;

  /** The address without its sequence number (the address itself where none was generated). */
  @Column(name = "address_base", nullable = false, length = 320)
  private String addressBase;

  @ManyToOne(optional = false)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private MailboxKind kind;

  @Column(name = "login_name", nullable = false, length = 320)
  private String loginName;

  @Column(name = "quota_bytes", nullable = false)
  private long quotaBytes;

  @Column(name = "forward_allowed", nullable = false)
  private boolean forwardAllowed;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id")
  private Account owner;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "mailbox_member",
      joinColumns = @JoinColumn(name = "mailbox_id"),
      inverseJoinColumns = @JoinColumn(name = "account_id"))
  @OrderBy("username")
  private List<Account> members = new ArrayList<>();

  /** Where mail to this mailbox goes instead (or as well, with a copy kept), in order. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "mail_forward", joinColumns = @JoinColumn(name = "mailbox_id"))
  @OrderColumn(name = "position")
  @Column(name = "target", nullable = false, length = 320)
  private List<String> forwardTargets = new ArrayList<>();

  @Column(name = "forward_keep_copy", nullable = false)
  private boolean forwardKeepCopy;

  /** The server the mailbox lives on, where its domain has several; null: the domain's first. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "mail_server_id")
  private MailServer mailServer;

  /** Whether deleted mail stays in the trash; null: as the domain's policy says. */
  @Column(name = "trash_keeps_deleted")
  private Boolean trashKeepsDeleted;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "deletion_queued_at")
  private Instant deletionQueuedAt;

  /** Quota used as the mail server last reported it (written by the quota scan, not by JPA). */
  @Column(name = "quota_used_bytes", insertable = false, updatable = false)
  private Long quotaUsedBytes;

  @Column(name = "quota_read_at", insertable = false, updatable = false)
  private Instant quotaReadAt;

  /** The quota warning last mailed (written by the warning job, not by JPA): see {@link #level}. */
  @Column(name = "quota_warned_level", insertable = false, updatable = false)
  private int quotaWarnedLevel;

  /** No warning, past the domain's warning threshold, full. */
  public static final int WARNED_NONE = 0;

  public static final int WARNED_THRESHOLD = 1;
  public static final int WARNED_FULL = 2;

  protected Mailbox() {}

  /**
   * A person's own mailbox with the quota their kind of account gets in the domain; {@code
   * addressBase} is the generated address without its sequence number.
   */
  public static Mailbox personal(
      MailDomain domain, String address, String addressBase, Account owner, Instant now) {
    Mailbox mailbox = new Mailbox();
    mailbox.domain = domain;
    mailbox.address = address;
    mailbox.addressBase = addressBase;
    mailbox.kind = MailboxKind.PERSONAL;
    mailbox.loginName = owner.getUsername();
    mailbox.quotaBytes = domain.getMailboxPolicy().quotaFor(owner.getType());
    mailbox.forwardAllowed = domain.getMailboxPolicy().getForwardPolicy() != ForwardPolicy.NONE;
    mailbox.owner = owner;
    mailbox.createdAt = now;
    return mailbox;
  }

  /**
   * An alumnus' lifelong mailbox {@code username@alumni-domain}, with the alumni quota of that
   * domain; it stays when the account's home mailbox is closed.
   */
  public static Mailbox alumni(MailDomain alumniDomain, Account owner, Instant now) {
    Mailbox mailbox =
        personal(
            alumniDomain,
            alumniDomain.addressOf(owner.getUsername()),
            alumniDomain.addressOf(owner.getUsername()),
            owner,
            now);
    mailbox.kind = MailboxKind.ALUMNI;
    mailbox.quotaBytes = alumniDomain.getMailboxPolicy().quotaFor(AccountType.ALUMNI);
    return mailbox;
  }

  /**
   * A shared mailbox with the domain's shared-mailbox quota. Its login name is its own address
   * (members log in with that and their own password where its server allows it, else they open it
   * as a folder of their own mailbox), and it never forwards where the policy forbids it.
   */
  public static Mailbox shared(
      MailDomain domain, String address, Collection<Account> members, Instant now) {
    Mailbox mailbox = new Mailbox();
    mailbox.domain = domain;
    mailbox.address = address;
    mailbox.addressBase = address;
    mailbox.kind = MailboxKind.SHARED;
    mailbox.loginName = address;
    mailbox.quotaBytes = domain.getSharedMailboxPolicy().getQuotaBytes();
    mailbox.forwardAllowed = domain.getSharedMailboxPolicy().isForwardAllowed();
    mailbox.members.addAll(members);
    mailbox.createdAt = now;
    return mailbox;
  }

  /**
   * Gives an account access to this shared mailbox with its own password. The mail server learns it
   * from the portal's views at the member's next login: no change on the mail server is needed.
   *
   * @return false when the account was a member already (nothing changed)
   */
  public boolean addMember(Account member) {
    requireShared();
    if (isMember(member)) {
      return false;
    }
    List<Account> wanted = new ArrayList<>(members);
    wanted.add(member);
    requireAllowed(wanted);
    members.add(member);
    return true;
  }

  /**
   * Takes an account's access away; the members left must still satisfy the domain's policy (at
   * least its minimum, staff beside students where it asks for that).
   */
  public void removeMember(Account member) {
    requireShared();
    if (!isMember(member)) {
      throw RuleViolationException.of("sharedMailbox.notMember", member.getUsername());
    }
    List<Account> wanted = new ArrayList<>(members);
    wanted.removeIf(m -> m.getId().equals(member.getId()));
    requireAllowed(wanted);
    members.removeIf(m -> m.getId().equals(member.getId()));
  }

  private boolean isMember(Account account) {
    return members.stream().anyMatch(m -> m.getId().equals(account.getId()));
  }

  private void requireShared() {
    if (kind != MailboxKind.SHARED) {
      throw RuleViolationException.of("sharedMailbox.notShared", address);
    }
  }

  /** The member rules a request had to meet hold for every later change of the members too. */
  private void requireAllowed(List<Account> wanted) {
    List<Violation> broken =
        domain
            .getSharedMailboxPolicy()
            .checkMembers(wanted.stream().map(Account::getType).toList());
    if (!broken.isEmpty()) {
      throw new RuleViolationException(broken);
    }
  }

  /**
   * The helpdesk sets another quota: from 1 MB to the largest a domain policy allows. The mail
   * server reads it from the userdb at the next login or delivery.
   */
  public void changeQuota(long bytes) {
    if (bytes < MailboxPolicy.MB || bytes > MailboxPolicy.QUOTA_MAX_MB * MailboxPolicy.MB) {
      throw new RuleViolationException(
          Violation.of("quotaMb", "quota.range", 1, MailboxPolicy.QUOTA_MAX_MB));
    }
    quotaBytes = bytes;
  }

  /**
   * Forwards this mailbox's mail to the targets (normalized, see {@link ForwardRules}), keeping a
   * copy or not; a broken rule changes nothing. Postfix reads the forward from the portal's views.
   */
  public void forwardTo(
      List<String> targets,
      boolean keepCopy,
      Set<String> ownAddresses,
      Predicate<String> internal) {
    List<Violation> broken = ForwardRules.check(this, targets, ownAddresses, internal);
    if (!broken.isEmpty()) {
      throw new RuleViolationException(broken);
    }
    forwardTargets.clear();
    forwardTargets.addAll(targets);
    forwardKeepCopy = keepCopy;
  }

  /** Mail stays in this mailbox again. */
  public void stopForwarding() {
    forwardTargets.clear();
    forwardKeepCopy = false;
  }

  /**
   * What deleting does in this mailbox from now on: true keeps deleted mail in the trash, false
   * removes it at once, null follows the domain's policy.
   */
  public void keepDeletedInTrash(Boolean keep) {
    trashKeepsDeleted = keep;
  }

  /** Whether deleted mail stays in the trash, by the mailbox's own choice or else its domain's. */
  public boolean trashKeepsDeleted() {
    return trashKeepsDeleted != null
        ? trashKeepsDeleted
        : domain.getMailboxPolicy().isTrashKeepsDeleted();
  }

  /** The server this mailbox lives on; null: its domain's first. */
  public MailServer getMailServer() {
    return mailServer;
  }

  public void liveOn(MailServer server) {
    this.mailServer = server;
  }

  /** The mailbox's own choice of what deleting does; null when it follows the domain's. */
  public Boolean getTrashKeepsDeleted() {
    return trashKeepsDeleted;
  }

  /**
   * Deletion on the mail server is queued (the owner's account closed and its retention passed).
   */
  public void queueDeletion(Instant now) {
    if (deletionQueuedAt == null) {
      deletionQueuedAt = now;
    }
  }

  public String getAddressBase() {
    return addressBase;
  }

  public Instant getDeletionQueuedAt() {
    return deletionQueuedAt;
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

  public MailboxKind getKind() {
    return kind;
  }

  public String getLoginName() {
    return loginName;
  }

  public long getQuotaBytes() {
    return quotaBytes;
  }

  public boolean isForwardAllowed() {
    return forwardAllowed;
  }

  public Account getOwner() {
    return owner;
  }

  public List<Account> getMembers() {
    return List.copyOf(members);
  }

  public List<String> getForwardTargets() {
    return List.copyOf(forwardTargets);
  }

  public boolean isForwardKeepCopy() {
    return forwardKeepCopy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Long getQuotaUsedBytes() {
    return quotaUsedBytes;
  }

  public Instant getQuotaReadAt() {
    return quotaReadAt;
  }

  /**
   * The warning level the usage calls for: {@link #WARNED_FULL} from 100 %, {@link
   * #WARNED_THRESHOLD} from the domain's warning percentage, else {@link #WARNED_NONE}.
   */
  public static int level(long usedBytes, long quotaBytes, int warningPercent) {
    if (quotaBytes <= 0) {
      return WARNED_NONE;
    }
    if (usedBytes >= quotaBytes) {
      return WARNED_FULL;
    }
    return usedBytes * 100 >= quotaBytes * warningPercent ? WARNED_THRESHOLD : WARNED_NONE;
  }

  public int getQuotaWarnedLevel() {
    return quotaWarnedLevel;
  }

  /** Percent of the quota used, 0–100 and more; null while never read. */
  public Integer getQuotaUsedPercent() {
    return quotaUsedBytes == null || quotaBytes == 0
        ? null
        : (int) Math.min(999, quotaUsedBytes * 100 / quotaBytes);
  }
}
