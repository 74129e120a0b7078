package org.postroom.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.Violation;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  private List<String> keys(String password, String... personal) {
    return policy.check("jdegroot", password, password, personal).stream()
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
}
