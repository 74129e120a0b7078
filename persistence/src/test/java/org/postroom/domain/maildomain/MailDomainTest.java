package org.postroom.domain.maildomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

class MailDomainTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "umail.example-a.nl",
        "Alumni.Univ-D.no",
        " univ-b.be ",
        "xn--mnchen-3ya.de",
        "a.b",
        "3com.com"
      })
  void acceptsHostNames(String name) {
    assertEquals(List.of(), MailDomain.checkName(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "univ-b.",
        ".univ-b.be",
        "univ..be",
        "-univ.be",
        "univ-.be",
        "münchen.de",
        "univ_b.be",
        "univ b.be",
        "10.0.0.1",
        "a@b.be",
        "univ-b.be\r\nBcc: x@y.z"
      })
  void refusesWhatIsNoHostName(String name) {
    assertEquals(
        List.of("domain.name.invalid"),
        MailDomain.checkName(name).stream().map(Violation::key).toList());
  }

  @Test
  void refusesAnEmptyOrOverlongName() {
    assertEquals("domain.name.required", MailDomain.checkName("  ").get(0).key());
    String overlong = ("a".repeat(63) + ".").repeat(4) + "be";
    assertEquals("domain.name.invalid", MailDomain.checkName(overlong).get(0).key());
    String longest = ("a".repeat(62) + ".").repeat(4) + "b";
    assertEquals(253, longest.length());
    assertEquals(List.of(), MailDomain.checkName(longest));
  }

  @Test
  void keepsTheNameInLowerCase() {
    MailDomain domain =
        new MailDomain(
            " Univ-B.BE", "nl", MailboxPolicy.standard(), TestPolicies.sharedLikeUniversityB());
    assertEquals("univ-b.be", domain.getName());
  }

  @Test
  void speaksOnlyALanguageOfThePortal() {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                new MailDomain(
                    "univ-b.be",
                    "fr",
                    MailboxPolicy.standard(),
                    TestPolicies.sharedLikeUniversityB()));
    assertEquals("defaultLanguage", refused.violations().get(0).field());
  }

  @Test
  void mailboxPolicyReportsEveryBadValueAtItsField() {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                new MailboxPolicy(
                    null,
                    5,
                    0,
                    300_000_000,
                    300_000_000,
                    11_000_000_000_000_000L,
                    100,
                    ForwardPolicy.ANY,
                    2_001_000_000,
                    true,
                    null,
                    -1,
                    3651,
                    7));
    assertEquals(
        List.of(
            "addressScheme",
            "localPartMaxLength",
            "quotaStudentMb",
            "quotaAlumniMb",
            "quotaWarningPercent",
            "maxMessageSizeMb",
            "settingsManagedBy",
            "leavingGraceDays",
            "closedRetentionDays",
            "passwordMinLength"),
        refused.violations().stream().map(Violation::field).toList());
  }
}
