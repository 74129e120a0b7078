package org.postroom.domain.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * University A's rule by example (these are the examples of the admin documentation) and by
 * property.
 */
class AddressGeneratorTest {

  private final AddressGenerator universityA = new AddressGenerator(20);

  @ParameterizedTest(name = "{0} | {1} | {2} | {3} → {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Jan Jaap     | -      | de      | Groot          | j.j.de.groot",
        "Jan Jaap     | J.J.   | de      | Groot          | j.j.de.groot",
        "Anna         | -      | van der | Berg           | a.van.der.berg",
        "Éloïse       | -      | -       | Dûpont         | e.dupont",
        "Søren        | -      | -       | Kierkegaard    | s.kierkegaard",
        "Jürgen       | -      | -       | Weiß           | j.weiss",
        "Siobhán      | -      | -       | O'Brien        | s.obrien",
        "Maria        | -      | -       | Da Silva       | m.da.silva",
        "Kees         | -      | -       | Jansen-Smit    | k.jansen-smit",
        "Ærling       | -      | -       | Østby-Lægreid  | a.ostby-laegreid",
        "Jan Pieter Marie | -  | van den | Hoogenband-Zwart | j.p.m.van.den.hoogen",
        "-            | -      | -       | Nakamura       | nakamura",
        "Łukasz       | -      | -       | Żółć           | l.zolc",
      })
  void followsUniversityAsRule(
      String given, String initials, String infixes, String surname, String expected) {
    assertEquals(expected, universityA.base(new PersonName(given, initials, infixes, surname)));
  }

  @Test
  void duplicatesGetTheNextFreeNumberWithinTheLimit() {
    PersonName name = new PersonName("Jan Jaap", null, "de", "Groot");
    assertEquals("j.j.de.groot", universityA.firstFree(name, Set.of()::contains));
    assertEquals("j.j.de.groot2", universityA.firstFree(name, Set.of("j.j.de.groot")::contains));
    assertEquals(
        "j.j.de.groot3",
        universityA.firstFree(name, Set.of("j.j.de.groot", "j.j.de.groot2")::contains));
    PersonName longName = new PersonName("Jan Pieter Marie", null, "van den", "Hoogenband-Zwart");
    assertEquals(
        "j.p.m.van.den.hooge2",
        universityA.firstFree(longName, Set.of("j.p.m.van.den.hoogen")::contains));
    assertEquals("j.p.m.van.den.hoog12", universityA.withSequence("j.p.m.van.den.hoogen", 12));
  }

  @Test
  void aNameWithoutLatinLettersCannotMakeAnAddress() {
    PersonName name = new PersonName("太郎", null, null, "山田");
    assertEquals("", universityA.base(name));
    assertThrows(IllegalArgumentException.class, () -> universityA.firstFree(name, s -> false));
  }

  private static final Pattern VALID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

  /**
   * Names as registries send them: Dutch, Norwegian, German, accents, apostrophes, hostile noise.
   */
  private static Gen<PersonName> names() {
    Gen<String> realistic =
        Generate.pick(
            List.of(
                "Jan",
                "Jaap",
                "Anne-Marie",
                "Søren",
                "Øyvind",
                "Jürgen",
                "Åse",
                "Zoë",
                "Ðorđe",
                "de",
                "van der",
                "ten",
                "O'Neill",
                "Weiß",
                "Groot",
                "Østby",
                "Müller-Lüdenscheidt",
                "  ",
                "-",
                "'",
                "..",
                "Da Silva"));
    Gen<String> noise = strings().allPossible().ofLengthBetween(0, 30);
    Gen<String> part =
        Generate.frequency(
            org.quicktheories.api.Pair.of(3, realistic), org.quicktheories.api.Pair.of(1, noise));
    return part.zip(part, part, part, PersonName::new);
  }

  @Test
  void everyGeneratedAddressIsValidAndWithinTheLimit() {
    qt().withExamples(3000)
        .forAll(names(), integers().between(6, 64))
        .check(
            (name, limit) -> {
              String base = new AddressGenerator(limit).base(name);
              return base.isEmpty() || (VALID.matcher(base).matches() && base.length() <= limit);
            });
  }

  @Test
  void theSameNameAlwaysGivesTheSameAddress() {
    qt().withExamples(2000)
        .forAll(names())
        .check(
            name ->
                universityA
                    .base(name)
                    .equals(
                        universityA.base(
                            new PersonName(
                                name.givenNames(),
                                name.initials(),
                                name.infixes(),
                                name.surname()))));
  }

  /** Many people with few names: every one gets an address no one else has, all valid and short. */
  @Test
  void aCrowdWithCollidingNamesNeverSharesAnAddress() {
    qt().withExamples(200)
        .forAll(lists().of(names()).ofSizeBetween(1, 60))
        .check(
            crowd -> {
              Set<String> taken = new HashSet<>();
              for (PersonName name : crowd) {
                if (universityA.base(name).isEmpty()) {
                  continue;
                }
                String address = universityA.firstFree(name, taken::contains);
                if (!taken.add(address)
                    || address.length() > 20
                    || !VALID.matcher(address).matches()) {
                  return false;
                }
              }
              return true;
            });
  }
}
