package org.postroom.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/** The reference institutions' rules, as each institution states them, expressed by Postroom's. */
class ReferencePoliciesTest {

  @Test
  void universityBTakesShortSharedAddressesWithOneDotAndUpToFiveMembers() {
    SharedMailboxPolicy b = ReferencePolicies.universityB();
    assertTrue(b.isRequestsEnabled());
    assertEquals(List.of(), b.checkLocalPart("dept.office"));
    assertEquals(List.of(), b.checkLocalPart("abcdefghijklmnop"), "16 characters");
    assertEquals(List.of("request.localPart.tooLong"), keys(b.checkLocalPart("abcdefghijklmnopq")));
    assertEquals(List.of("request.localPart.dots"), keys(b.checkLocalPart("a.b.c")));
    assertEquals(List.of(), b.checkMembers(List.of(AccountType.STAFF)));
    assertEquals(
        List.of("request.members.count"),
        keys(
            b.checkMembers(
                List.of(
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF))));
    assertEquals(
        List.of("request.members.staffRequired"),
        keys(b.checkMembers(List.of(AccountType.STUDENT))),
        "students alone may not hold a shared mailbox");
    assertEquals(5_000_000_000L, b.getQuotaBytes());
    assertTrue(!b.isForwardAllowed());
  }

  @Test
  void universityAGeneratesShortAddressesAndAsksLongerPasswords() {
    MailboxPolicy a = ReferencePolicies.universityA();
    assertEquals(AddressScheme.GENERATED_FROM_NAME, a.getAddressScheme());
    assertEquals(20, a.getLocalPartMaxLength());
    assertEquals(300_000_000L, a.quotaFor(AccountType.STUDENT));
    assertEquals(300_000_000L, a.quotaFor(AccountType.STAFF));
    assertEquals(90, a.getQuotaWarningPercent());
    assertEquals(10, a.getPasswordMinLength());
  }

  @Test
  void providerELetsTheMembersWebmasterManageSettingsAndItsMembersChooseAddresses() {
    MailboxPolicy e = ReferencePolicies.providerE();
    assertEquals(SettingsManager.DOMAIN_ADMIN, e.getSettingsManagedBy());
    assertEquals(12_000_000L, e.getMaxMessageBytes());
    assertEquals(AddressScheme.USERNAME, e.getAddressScheme());
    MailboxPolicy member = ReferencePolicies.providerEMember();
    assertEquals(AddressScheme.CHOSEN_BY_OWNER, member.getAddressScheme());
    assertEquals(e.getMaxMessageBytes(), member.getMaxMessageBytes(), "the provider's rules");
  }

  @Test
  void universityDsAlumniKeepTwoGigabytes() {
    MailboxPolicy alumni = ReferencePolicies.universityDAlumni();
    assertEquals(AddressScheme.USERNAME, alumni.getAddressScheme());
    assertEquals(2_000_000_000L, alumni.getAlumniQuotaBytes());
    assertTrue(!ReferencePolicies.noSharedMailboxRequests().isRequestsEnabled());
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(Violation::key).toList();
  }
}
