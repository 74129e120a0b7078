package org.postroom.domain.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.directory.AddressGenerator;

/**
 * A domain's rules for personal mailboxes: how addresses are made, quotas per kind of account, when
 * users are warned, where they may forward, the largest message, what deleting does, and who sets
 * forwards and vacation replies. Each reference institution is a set of values of this policy.
 */
@Embeddable
public class MailboxPolicy implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MB = 1000L * 1000;

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

  protected MailboxPolicy() {}

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
      SettingsManager settingsManagedBy) {
    if (localPartMaxLength < 6 || localPartMaxLength > 64) {
      throw new IllegalArgumentException("local part length must be 6..64");
    }
    if (quotaWarningPercent < 1 || quotaWarningPercent > 100 || maxMessageBytes <= 0) {
      throw new IllegalArgumentException("inconsistent mailbox policy");
    }
    for (long quota :
        new long[] {studentQuotaBytes, staffQuotaBytes, externalQuotaBytes, alumniQuotaBytes}) {
      if (quota <= 0) {
        throw new IllegalArgumentException("quotas must be positive");
      }
    }
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
  }

  /**
   * University A: generated addresses of at most 20 characters, 300 MB, warn at 90 %, forwards
   * allowed.
   */
  public static MailboxPolicy universityA() {
    return new MailboxPolicy(
        AddressScheme.GENERATED_FROM_NAME,
        20,
        300 * MB,
        300 * MB,
        300 * MB,
        300 * MB,
        90,
        ForwardPolicy.ANY,
        25 * MB,
        true,
        SettingsManager.USER);
  }

  /** University D's alumni: username@alumni…, 2 GB, external forwards allowed. */
  public static MailboxPolicy universityDAlumni() {
    return new MailboxPolicy(
        AddressScheme.USERNAME,
        32,
        2000 * MB,
        2000 * MB,
        2000 * MB,
        2000 * MB,
        90,
        ForwardPolicy.ANY,
        25 * MB,
        true,
        SettingsManager.USER);
  }

  /**
   * Hosting provider E: 1 GB, 12 MB messages, forwards and vacation set by the member's webmaster.
   */
  public static MailboxPolicy providerE() {
    return new MailboxPolicy(
        AddressScheme.USERNAME,
        32,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        90,
        ForwardPolicy.ANY,
        12 * MB,
        true,
        SettingsManager.DOMAIN_ADMIN);
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
        SettingsManager.USER);
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
}
