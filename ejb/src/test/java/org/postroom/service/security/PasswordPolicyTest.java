package org.postroom.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

class PasswordPolicyTest {

  /** Debian's Dutch word list (package wdutch, which scripts/setup-test-deps installs). */
  private static final Path DUTCH = Path.of("/usr/share/dict/nederlands");

  private final PasswordPolicy policy = PasswordPolicy.of(List.of(DUTCH));

  private List<String> keys(String password, String... personal) {
    return policy.check(null, "jdegroot", password, password, personal).stream()
        .map(Violation::key)
        .toList();
  }

  @Test
  void commonPasswordsWordsAndPatternsAreRefused() {
    for (String guessable :
        List.of("password1", "Summer2024", "qwertyuiop", "iloveyou!", "12345678", "abcdefgh")) {
      assertEquals(List.of("password.guessable"), keys(guessable), guessable);
    }
  }

  @Test
  void textLongerThanAnyPasswordIsNotMeasured() {
    // zxcvbn's work grows faster than its input: a pasted megabyte is refused by length, unmeasured
    String pasted = "Tulips along the Amstel 1975 ".repeat(40_000);
    assertEquals(0, policy.score(pasted, "jdegroot"));
    assertEquals(List.of("password.tooLong"), keys(pasted));
    String longest =
        "Tulips along the Amstel 1975 ".repeat(5).substring(0, PasswordRules.MAX_LENGTH);
    assertTrue(policy.score(longest, "jdegroot") >= 3, "the longest accepted length is measured");
  }

  @Test
  void thePersonsOwnNameCountsAsGuessable() {
    assertEquals(List.of(), keys("Vredenburgh1"));
    assertEquals(
        List.of("password.guessable"), keys("Vredenburgh1", "Joost Vredenburgh", "Vredenburgh"));
  }

  @Test
  void unrelatedWordsPassAndTheOtherRulesStillApply() {
    assertEquals(List.of(), keys("Tulips along the Amstel 1975"));
    assertEquals(List.of("password.tooShort"), keys("Ab1!"));
    assertEquals(List.of("password.containsUsername"), keys("my JdeGroot account is safe"));
  }

  @Test
  void aDutchWordIsGuessableWithTheDutchWordList() {
    assumeTrue(Files.isReadable(DUTCH), "the Debian package wdutch is not installed");
    String word = "Fietsenstalling";
    assertEquals(List.of("password.guessable"), keys(word));
    assertEquals(
        List.of(),
        PasswordPolicy.of(List.of()).check(null, "jdegroot", word, word).stream()
            .map(Violation::key)
            .toList(),
        "English lists alone do not know it");
    assertEquals(List.of(), keys("Fietsenstalling bij de Zonnebloem 1975"));
  }

  @Test
  void theDomainSetsTheShortestPasswordNeverBelowEight() {
    MailDomain provider =
        new MailDomain(
            "member-e.example",
            "en",
            passwordsOfAtLeast(8),
            new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5_000_000_000L, false));
    MailDomain university =
        new MailDomain(
            "umail.example-a.nl",
            "nl",
            passwordsOfAtLeast(10),
            new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5_000_000_000L, false));
    assertEquals(8, PasswordPolicy.minLength(provider));
    assertEquals(10, PasswordPolicy.minLength(university));
    assertEquals(8, PasswordPolicy.minLength(null));
    List<Violation> refused = policy.check(university, "jdegroot", "Zq7#vWn!x", "Zq7#vWn!x");
    assertEquals(List.of(Violation.of("password", "password.tooShort", 10)), refused);
    assertEquals(List.of(), policy.check(provider, "jdegroot", "Zq7#vWn!x", "Zq7#vWn!x"));
  }

  /** A domain's rules that differ from the neutral default only in the shortest password. */
  private static MailboxPolicy passwordsOfAtLeast(int length) {
    MailboxPolicy standard = MailboxPolicy.standard();
    return new MailboxPolicy(
        standard.getAddressScheme(),
        standard.getLocalPartMaxLength(),
        standard.getStudentQuotaBytes(),
        standard.getStaffQuotaBytes(),
        standard.getExternalQuotaBytes(),
        standard.getAlumniQuotaBytes(),
        standard.getQuotaWarningPercent(),
        standard.getForwardPolicy(),
        standard.getMaxMessageBytes(),
        true,
        standard.getSettingsManagedBy(),
        standard.getLeavingGraceDays(),
        standard.getClosedRetentionDays(),
        length);
  }
}
