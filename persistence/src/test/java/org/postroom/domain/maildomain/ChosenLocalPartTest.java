package org.postroom.domain.maildomain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postroom.domain.common.Violation;

/** The rules for a personal address its owner chooses, within provider E's 32 characters. */
class ChosenLocalPartTest {

  private final MailboxPolicy member = TestPolicies.chosenAddresses();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nora",
        "nora.berg",
        "Nora.Berg",
        "n.a.van.den.berg",
        "nb1990",
        " nora.berg ",
        "abcdefghijklmnopqrstuvwxyzabcdef"
      })
  void acceptsPlainNames(String localPart) {
    assertEquals(List.of(), member.checkChosenLocalPart(localPart));
  }

  @ParameterizedTest
  @CsvSource({
    "'', request.localPart.required",
    "abcdefghijklmnopqrstuvwxyzabcdefg, request.localPart.tooLong",
    "nora..berg, request.localPart.doubleDot",
    "nora., request.localPart.endDot",
    ".nora, request.localPart.startLetter",
    "1nora, request.localPart.startLetter",
    "nora_berg, request.localPart.characters",
    "nora+tag, request.localPart.characters",
    "'nora\"berg', request.localPart.characters",
    "nøra, request.localPart.characters",
    "postmaster, request.localPart.reserved",
    "Abuse, request.localPart.reserved"
  })
  void refusesWithTheReason(String localPart, String key) {
    assertEquals(
        List.of(key), member.checkChosenLocalPart(localPart).stream().map(Violation::key).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nora\r\nBcc: x@example.org", "nora\u212Aberg", "nora berg"})
  void refusesHeadersLookAlikesAndSpaces(String localPart) {
    assertEquals(
        List.of("request.localPart.characters"),
        member.checkChosenLocalPart(localPart).stream().map(Violation::key).toList());
  }
}
