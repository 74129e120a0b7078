package org.postroom.domain.maildomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.AddressGenerator;

/**
 * A domain's rules for personal mailboxes: how addresses are made, quotas per kind of account, when
 * users are warned, where they may forward, the largest message, what deleting does, and who sets
 * forwards and vacation replies. Each reference institution is a set of values of this policy.
 */
@Embeddable
public class MailboxPolicy implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Sizes are entered and shown in (decimal) megabytes, as mail providers state them. */
  public static final long MB = 1000L * 1000;

  public static final int LOCAL_PART_MIN = 6;
  public static final int LOCAL_PART_MAX = 64;
  public static final long QUOTA_MAX_MB = 10_000_000;
  public static final int WARNING_MIN = 50;
  public static final int WARNING_MAX = 99;
  public static final long MESSAGE_MAX_MB = 2000;
  public static final int GRACE_DAYS_MAX = 730;
  public static final int RETENTION_DAYS_MAX = 3650;

  /** The range of a domain's shortest password (never below 8, as every password of Postroom's). */
  public static final int PASSWORD_MIN_LENGTH_LOW = 8;

  public static final int PASSWORD_MIN_LENGTH_HIGH = 64;

  @Enumerated(EnumType.STRING)
  @Column(name = "address_scheme", nullable = false, length = 24)
  private AddressScheme addressScheme;

  @Column(name = "local_part_max_length", nullable = false)
  private int localPartMaxLength;

  @Column(name = "quota_student_bytes", nullable = false)
  private long studentQuotaBytes;

  @Column(name = "quota_staff_bytes", nullable = false)
  private long staffQuotaBytes;

  @Column(name = "quota_external_bytes", nullable = false)
  private long externalQuotaBytes;

  @Column(name = "quota_alumni_bytes", nullable = false)
  private long alumniQuotaBytes;

  @Column(name = "quota_warning_percent", nullable = false)
  private int quotaWarningPercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "forward_policy", nullable = false, length = 16)
  private ForwardPolicy forwardPolicy;

  @Column(name = "max_message_bytes", nullable = false)
  private long maxMessageBytes;

  @Column(name = "trash_keeps_deleted", nullable = false)
  private boolean trashKeepsDeleted;

  @Enumerated(EnumType.STRING)
  @Column(name = "settings_managed_by", nullable = false, length = 16)
  private SettingsManager settingsManagedBy;

  /** Days an account keeps working after its last affiliation ended ("leaving"). */
  @Column(name = "leaving_grace_days", nullable = false)
  private int leavingGraceDays;

  /** Days a closed account's mailbox is kept before its deletion is queued. */
  @Column(name = "closed_retention_days", nullable = false)
  private int closedRetentionDays;

  /** The shortest password accepted for the accounts whose password Postroom owns. */
  @Column(name = "password_min_length", nullable = false)
  private int passwordMinLength;

  protected MailboxPolicy() {}

  /**
   * A policy from its values; every value out of range is reported at once, as a violation at the
   * field of the same name (sizes in MB).
   */
  public MailboxPolicy(
      AddressScheme addressScheme,
      int localPartMaxLength,
      long studentQuotaBytes,
      long staffQuotaBytes,
      long externalQuotaBytes,
      long alumniQuotaBytes,
      int quotaWarningPercent,
      ForwardPolicy forwardPolicy,
      long maxMessageBytes,
      boolean trashKeepsDeleted,
      SettingsManager settingsManagedBy,
      int leavingGraceDays,
      int closedRetentionDays,
      int passwordMinLength) {
    this.addressScheme = addressScheme;
    this.localPartMaxLength = localPartMaxLength;
    this.studentQuotaBytes = studentQuotaBytes;
    this.staffQuotaBytes = staffQuotaBytes;
    this.externalQuotaBytes = externalQuotaBytes;
    this.alumniQuotaBytes = alumniQuotaBytes;
    this.quotaWarningPercent = quotaWarningPercent;
    this.forwardPolicy = forwardPolicy;
    this.maxMessageBytes = maxMessageBytes;
    this.trashKeepsDeleted = trashKeepsDeleted;
    this.settingsManagedBy = settingsManagedBy;
    this.leavingGraceDays = leavingGraceDays;
    this.closedRetentionDays = closedRetentionDays;
    this.passwordMinLength = passwordMinLength;
    List<Violation> violations = violations();
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
  }

  private List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    PolicyChecks.required(found, "addressScheme", addressScheme);
    PolicyChecks.range(
        found, "localPartMaxLength", localPartMaxLength, LOCAL_PART_MIN, LOCAL_PART_MAX);
    PolicyChecks.megabytes(found, "quotaStudentMb", studentQuotaBytes, QUOTA_MAX_MB);
    PolicyChecks.megabytes(found, "quotaStaffMb", staffQuotaBytes, QUOTA_MAX_MB);
    PolicyChecks.megabytes(found, "quotaExternalMb", externalQuotaBytes, QUOTA_MAX_MB);
    PolicyChecks.megabytes(found, "quotaAlumniMb", alumniQuotaBytes, QUOTA_MAX_MB);
    PolicyChecks.range(found, "quotaWarningPercent", quotaWarningPercent, WARNING_MIN, WARNING_MAX);
    PolicyChecks.required(found, "forwardPolicy", forwardPolicy);
    PolicyChecks.megabytes(found, "maxMessageSizeMb", maxMessageBytes, MESSAGE_MAX_MB);
    PolicyChecks.required(found, "settingsManagedBy", settingsManagedBy);
    PolicyChecks.range(found, "leavingGraceDays", leavingGraceDays, 0, GRACE_DAYS_MAX);
    PolicyChecks.range(found, "closedRetentionDays", closedRetentionDays, 0, RETENTION_DAYS_MAX);
    PolicyChecks.range(
        found,
        "passwordMinLength",
        passwordMinLength,
        PASSWORD_MIN_LENGTH_LOW,
        PASSWORD_MIN_LENGTH_HIGH);
    return found;
  }

  /** A neutral default: username addresses, 1 GB, users manage their own settings. */
  public static MailboxPolicy standard() {
    return new MailboxPolicy(
        AddressScheme.USERNAME,
        64,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        90,
        ForwardPolicy.ANY,
        25 * MB,
        true,
        SettingsManager.USER,
        30,
        90,
        10);
  }

  /**
   * Checks a personal local part that the owner chose ({@link AddressScheme#CHOSEN_BY_OWNER}): the
   * common rules of {@link LocalPartRules}, within this domain's length; dots only as separators.
   */
  public List<Violation> checkChosenLocalPart(String raw) {
    return LocalPartRules.check(raw, localPartMaxLength, localPartMaxLength);
  }

  public long quotaFor(AccountType type) {
    return switch (type) {
      case STUDENT -> studentQuotaBytes;
      case STAFF -> staffQuotaBytes;
      case EXTERNAL -> externalQuotaBytes;
      case ALUMNI -> alumniQuotaBytes;
    };
  }

  public AddressGenerator addressGenerator() {
    return new AddressGenerator(localPartMaxLength);
  }

  public AddressScheme getAddressScheme() {
    return addressScheme;
  }

  public int getLocalPartMaxLength() {
    return localPartMaxLength;
  }

  public int getQuotaWarningPercent() {
    return quotaWarningPercent;
  }

  public ForwardPolicy getForwardPolicy() {
    return forwardPolicy;
  }

  public long getMaxMessageBytes() {
    return maxMessageBytes;
  }

  public boolean isTrashKeepsDeleted() {
    return trashKeepsDeleted;
  }

  public SettingsManager getSettingsManagedBy() {
    return settingsManagedBy;
  }

  public long getStudentQuotaBytes() {
    return studentQuotaBytes;
  }

  public long getStaffQuotaBytes() {
    return staffQuotaBytes;
  }

  public long getExternalQuotaBytes() {
    return externalQuotaBytes;
  }

  public long getAlumniQuotaBytes() {
    return alumniQuotaBytes;
  }

  public int getLeavingGraceDays() {
    return leavingGraceDays;
  }

  public int getPasswordMinLength() {
    return passwordMinLength;
  }

  public int getClosedRetentionDays() {
    return closedRetentionDays;
  }
}
