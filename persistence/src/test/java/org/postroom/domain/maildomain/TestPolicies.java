package org.postroom.domain.maildomain;

/**
 * Domain rules for the domain model's tests, written out here: the reference institutions' own live
 * in the demo module, which the production code (and so these tests) cannot see.
 */
public final class TestPolicies {

  private TestPolicies() {}

  /** Shared mailboxes as University B wants them: 16 characters, one dot, 1 to 5 members. */
  public static SharedMailboxPolicy sharedLikeUniversityB() {
    return new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5_000_000_000L, false);
  }

  /** The neutral default, but people choose their own address once (provider E's members). */
  public static MailboxPolicy chosenAddresses() {
    MailboxPolicy policy = MailboxPolicy.standard();
    return new MailboxPolicy(
        AddressScheme.CHOSEN_BY_OWNER,
        32,
        policy.getStudentQuotaBytes(),
        policy.getStaffQuotaBytes(),
        policy.getExternalQuotaBytes(),
        policy.getAlumniQuotaBytes(),
        policy.getQuotaWarningPercent(),
        policy.getForwardPolicy(),
        policy.getMaxMessageBytes(),
        true,
        SettingsManager.DOMAIN_ADMIN,
        policy.getLeavingGraceDays(),
        policy.getClosedRetentionDays(),
        8);
  }
}
