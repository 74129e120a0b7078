package org.postroom.domain.maildomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

/**
 * A domain's rules for shared mailboxes: which local parts may be requested, how many members a
 * shared mailbox may have and of which kind, its quota, and whether it may forward. University B's
 * rules are one set of values of this policy; another institution sets other values, no code
 * changes.
 */
@Embeddable
public class SharedMailboxPolicy implements Serializable {

  private static final long serialVersionUID = 1L;

  /** RFC 5321: a local part holds at most 64 octets, whatever a policy says. */
  public static final int LOCAL_PART_HARD_LIMIT = 64;

  public static final int DOTS_MAX = 3;
  public static final int MEMBERS_MAX = 1000;

  @Column(name = "shared_requests_enabled", nullable = false)
  private boolean requestsEnabled;

  @Column(name = "shared_local_part_max_length", nullable = false)
  private int localPartMaxLength;

  @Column(name = "shared_local_part_max_dots", nullable = false)
  private int localPartMaxDots;

  @Column(name = "shared_min_members", nullable = false)
  private int minMembers;

  @Column(name = "shared_max_members", nullable = false)
  private int maxMembers;

  @Column(name = "shared_staff_required_with_students", nullable = false)
  private boolean staffRequiredWithStudents;

  @Column(name = "shared_quota_bytes", nullable = false)
  private long quotaBytes;

  @Column(name = "shared_forward_allowed", nullable = false)
  private boolean forwardAllowed;

  protected SharedMailboxPolicy() {}

  public SharedMailboxPolicy(
      boolean requestsEnabled,
      int localPartMaxLength,
      int localPartMaxDots,
      int minMembers,
      int maxMembers,
      boolean staffRequiredWithStudents,
      long quotaBytes,
      boolean forwardAllowed) {
    this.requestsEnabled = requestsEnabled;
    this.localPartMaxLength = localPartMaxLength;
    this.localPartMaxDots = localPartMaxDots;
    this.minMembers = minMembers;
    this.maxMembers = maxMembers;
    this.staffRequiredWithStudents = staffRequiredWithStudents;
    this.quotaBytes = quotaBytes;
    this.forwardAllowed = forwardAllowed;
    List<Violation> found = new ArrayList<>();
    PolicyChecks.range(
        found, "sharedLocalPartMaxLength", localPartMaxLength, 1, LOCAL_PART_HARD_LIMIT);
    PolicyChecks.range(found, "sharedLocalPartMaxDots", localPartMaxDots, 0, DOTS_MAX);
    PolicyChecks.range(found, "sharedMinMembers", minMembers, 1, MEMBERS_MAX);
    PolicyChecks.range(found, "sharedMaxMembers", maxMembers, Math.max(1, minMembers), MEMBERS_MAX);
    PolicyChecks.megabytes(found, "sharedQuotaMb", quotaBytes, MailboxPolicy.QUOTA_MAX_MB);
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
  }

  /**
   * Local parts are case-insensitive: kept and compared in lower case, without surrounding blanks.
   */
  public static String normalizeLocalPart(String raw) {
    return LocalPartRules.normalize(raw);
  }

  /**
   * Checks a wanted local part (already normalized or not). Returns every rule it breaks, so that
   * the user can fix them all at once; empty when it may be requested (uniqueness is the service's
   * check).
   */
  public List<Violation> checkLocalPart(String raw) {
    return LocalPartRules.check(raw, localPartMaxLength, localPartMaxDots);
  }

  /** Checks the member list by the kinds of account in it. */
  public List<Violation> checkMembers(Collection<AccountType> memberTypes) {
    List<Violation> violations = new ArrayList<>();
    if (memberTypes.size() < minMembers || memberTypes.size() > maxMembers) {
      violations.add(Violation.of("members", "request.members.count", minMembers, maxMembers));
    }
    if (memberTypes.stream().anyMatch(t -> t != AccountType.STAFF && t != AccountType.STUDENT)) {
      violations.add(Violation.of("members", "request.members.kind"));
    }
    if (staffRequiredWithStudents
        && memberTypes.contains(AccountType.STUDENT)
        && !memberTypes.contains(AccountType.STAFF)) {
      violations.add(Violation.of("members", "request.members.staffRequired"));
    }
    return violations;
  }

  public boolean isRequestsEnabled() {
    return requestsEnabled;
  }

  public int getLocalPartMaxLength() {
    return localPartMaxLength;
  }

  public int getLocalPartMaxDots() {
    return localPartMaxDots;
  }

  public int getMinMembers() {
    return minMembers;
  }

  public int getMaxMembers() {
    return maxMembers;
  }

  public boolean isStaffRequiredWithStudents() {
    return staffRequiredWithStudents;
  }

  public long getQuotaBytes() {
    return quotaBytes;
  }

  public boolean isForwardAllowed() {
    return forwardAllowed;
  }
}
