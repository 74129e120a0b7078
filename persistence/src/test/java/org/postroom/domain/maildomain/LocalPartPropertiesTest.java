package org.postroom.domain.maildomain;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.characters;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The local-part rule against open-ended input (property tests with QuickTheories, which shrinks a
 * failing example to the smallest one): what it accepts is always a valid, short, safe local part,
 * and what is well-formed is accepted.
 */
class LocalPartPropertiesTest {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)?");
  private final SharedMailboxPolicy universityB = TestPolicies.sharedLikeUniversityB();

  /**
   * Letters and digits with at most one inner dot, starting with a letter: what a person would
   * type.
   */
  private static Gen<String> wellFormed() {
    Gen<String> alnum =
        strings()
            .betweenCodePoints('0', 'z')
            .ofLengthBetween(0, 7)
            .map(s -> s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x"));
    Gen<Character> first = integers().between('a', 'z').map(i -> (char) i.intValue());
    Gen<String> head = first.zip(alnum, (f, rest) -> f + rest);
    Gen<String> dotted = head.zip(alnum.map(s -> s.isEmpty() ? "x" : s), (h, t) -> h + "." + t);
    return Generate.pick(java.util.List.of(0, 1)).flatMap(kind -> kind == 0 ? head : dotted);
  }

  @Test
  void whateverIsAcceptedIsLettersDigitsAndOneInnerDotWithinTheLimit() {
    qt().withExamples(5000)
        .forAll(strings().allPossible().ofLengthBetween(0, 24))
        .check(
            anything -> {
              if (!universityB.checkLocalPart(anything).isEmpty()) {
                return true;
              }
              String normalized = SharedMailboxPolicy.normalizeLocalPart(anything);
              return VALID.matcher(normalized).matches() && normalized.length() <= 16;
            });
  }

  @Test
  void asciiNoiseIsAcceptedOnlyWhenItMatchesTheRule() {
    qt().withExamples(5000)
        .forAll(strings().ascii().ofLengthBetween(0, 20))
        .check(
            anything -> {
              String normalized = SharedMailboxPolicy.normalizeLocalPart(anything);
              boolean shouldPass =
                  VALID.matcher(normalized).matches()
                      && normalized.length() <= 16
                      && !LocalPartRules.RESERVED.contains(normalized);
              return universityB.checkLocalPart(anything).isEmpty() == shouldPass;
            });
  }

  @Test
  void wellFormedLocalPartsWithinTheLimitAreAccepted() {
    qt().withExamples(2000)
        .forAll(wellFormed())
        .assuming(s -> !LocalPartRules.RESERVED.contains(s))
        .check(s -> universityB.checkLocalPart(s).isEmpty());
  }

  @Test
  void caseNeverMatters() {
    qt().withExamples(2000)
        .forAll(wellFormed())
        .check(
            s ->
                universityB.checkLocalPart(s).isEmpty()
                        == universityB.checkLocalPart(s.toUpperCase(Locale.ROOT)).isEmpty()
                    && SharedMailboxPolicy.normalizeLocalPart(s)
                        .equals(
                            SharedMailboxPolicy.normalizeLocalPart(s.toUpperCase(Locale.ROOT))));
  }

  @Test
  void anyCharacterOutsideTheAlphabetIsRefused() {
    Gen<Character> foreign =
        characters()
            .basicMultilingualPlane()
            .assuming(
                c ->
                    !(c >= 'a' && c <= 'z')
                        && !(c >= 'A' && c <= 'Z')
                        && !(c >= '0' && c <= '9')
                        && c != '.'
                        && !Character.isWhitespace(c)
                        && !Character.isSpaceChar(c));
    qt().withExamples(3000)
        .forAll(wellFormed(), foreign, integers().between(0, 16))
        .check(
            (s, c, at) -> {
              int position = Math.min(at, s.length());
              String spoiled = s.substring(0, position) + c + s.substring(position);
              return !universityB.checkLocalPart(spoiled).isEmpty();
            });
  }

  @Test
  void longerThanThePolicyIsAlwaysRefused() {
    qt().forAll(integers().between(1, SharedMailboxPolicy.LOCAL_PART_HARD_LIMIT))
        .check(
            limit -> {
              SharedMailboxPolicy policy =
                  new SharedMailboxPolicy(true, limit, 1, 1, 5, true, 5_000_000_000L, false);
              return !policy.checkLocalPart("a".repeat(limit + 1)).isEmpty()
                  && policy.checkLocalPart("a".repeat(limit)).isEmpty();
            });
  }
}
