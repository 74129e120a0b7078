package org.postroom.domain.maildomain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

class SharedMailboxPolicyTest {

  private final SharedMailboxPolicy universityB = TestPolicies.sharedLikeUniversityB();

  private List<String> keys(List<Violation> violations) {
    return violations.stream().map(Violation::key).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "secretariaat",
        "lab.chem",
        "Lab.Chem",
        "a",
        "abcdefghijklmnop",
        "r2d2",
        " sec.law "
      })
  void acceptsUniversityBStyleLocalParts(String localPart) {
    assertEquals(List.of(), universityB.checkLocalPart(localPart));
  }

  @ParameterizedTest
  @CsvSource({
    "'', request.localPart.required",
    "'   ', request.localPart.required",
    "abcdefghijklmnopq, request.localPart.tooLong",
    "1lab, request.localPart.startLetter",
    ".lab, request.localPart.startLetter",
    "lab.chem.org, request.localPart.dots",
    "lab., request.localPart.endDot",
    "lab-chem, request.localPart.characters",
    "lab_chem, request.localPart.characters",
    "'lab chem', request.localPart.characters",
    "lab@univ-b.be, request.localPart.characters",
    "caf\u00e9, request.localPart.characters",
    "postmaster, request.localPart.reserved",
    "Abuse, request.localPart.reserved",
  })
  void rejectsWithTheRuleThatIsBroken(String localPart, String key) {
    assertEquals(
        true,
        keys(universityB.checkLocalPart(localPart)).contains(key),
        () -> localPart + " → " + key);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    assertEquals(
        List.of(
            "request.localPart.tooLong",
            "request.localPart.characters",
            "request.localPart.startLetter"),
        keys(universityB.checkLocalPart("9-very-long-local-part")));
  }

  @Test
  void tooLongMessageCarriesThePolicyLimit() {
    Violation violation = universityB.checkLocalPart("a".repeat(17)).get(0);
    assertEquals(List.of(16), violation.args());
    assertEquals("localPart", violation.field());
  }

  @Test
  void otherPoliciesSetOtherLimits() {
    SharedMailboxPolicy generous =
        new SharedMailboxPolicy(true, 30, 3, 1, 20, false, 1L << 30, true);
    assertEquals(List.of(), generous.checkLocalPart("research.group.two.x"));
    assertEquals(List.of(), generous.checkMembers(List.of(AccountType.STUDENT)));
  }

  @Test
  void membersOneToFiveStaffRequiredBesideStudents() {
    assertEquals(List.of(), universityB.checkMembers(List.of(AccountType.STAFF)));
    assertEquals(
        List.of(), universityB.checkMembers(List.of(AccountType.STAFF, AccountType.STUDENT)));
    assertEquals(List.of("request.members.count"), keys(universityB.checkMembers(List.of())));
    assertEquals(
        List.of("request.members.count"),
        keys(
            universityB.checkMembers(
                List.of(
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STAFF,
                    AccountType.STUDENT))));
    assertEquals(
        List.of("request.members.staffRequired"),
        keys(universityB.checkMembers(List.of(AccountType.STUDENT, AccountType.STUDENT))));
    assertEquals(
        List.of("request.members.kind"),
        keys(universityB.checkMembers(List.of(AccountType.STAFF, AccountType.ALUMNI))));
  }

  @Test
  void reportsEveryValueOutOfRangeAtItsField() {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () -> new SharedMailboxPolicy(true, 65, 4, 3, 2, true, 999_999, false));
    assertEquals(
        List.of(
            "sharedLocalPartMaxLength",
            "sharedLocalPartMaxDots",
            "sharedMaxMembers",
            "sharedQuotaMb"),
        refused.violations().stream().map(v -> v.field()).toList());
    assertEquals(List.of(3L, 1000L), refused.violations().get(2).args());
  }

  @Test
  void acceptsTheEdgesOfEachRange() {
    SharedMailboxPolicy edges =
        new SharedMailboxPolicy(false, 64, 3, 1000, 1000, false, 1_000_000, true);
    assertEquals(1000, edges.getMaxMembers());
  }

  @Test
  void lettersThatLowerToAsciiAreNotLetThrough() {
    SharedMailboxPolicy universityB = TestPolicies.sharedLikeUniversityB();
    // KELVIN SIGN and LATIN CAPITAL LETTER I WITH DOT ABOVE lower to ASCII under Unicode rules
    assertEquals(
        List.of("request.localPart.characters", "request.localPart.startLetter"),
        universityB.checkLocalPart("\u212Aa.lab").stream().map(v -> v.key()).toList());
    assertEquals(
        List.of("request.localPart.characters"),
        universityB.checkLocalPart("lab\u0130").stream().map(v -> v.key()).toList());
    assertEquals("lab.a", SharedMailboxPolicy.normalizeLocalPart(" LAB.A "));
  }
}
