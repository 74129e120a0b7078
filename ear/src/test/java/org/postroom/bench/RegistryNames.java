package org.postroom.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.service.directory.RegistryRecord;

/**
 * Registry records with realistic Dutch, Norwegian and German names, drawn from short lists so that
 * names collide a lot (as in a real intake: many "j.de.vries"), reproducibly from a seed.
 */
final class RegistryNames {

  private static final String[] GIVEN = {
    "Jan",
    "Johannes",
    "Pieter",
    "Kees",
    "Daan",
    "Sem",
    "Lucas",
    "Emma",
    "Julia",
    "Sophie",
    "Anna",
    "Lotte",
    "Maria",
    "Johanna",
    "Ingrid",
    "Kari",
    "Ola",
    "Åse",
    "Øyvind",
    "Bjørn",
    "Solveig",
    "Sigrid",
    "Håkon",
    "Jürgen",
    "Jörg",
    "Klaus",
    "Günther",
    "Anneliese",
    "Käthe",
    "Lena",
    "Lukas",
    "Max",
    "Mia",
    "Zoë",
    "Anne-Marie",
    "Jan-Willem",
    "Sven",
    "Thijs",
    "Femke",
    "Noor"
  };
  private static final String[] INFIXES = {
    null, null, null, null, null, null, "de", "van", "van der", "van den", "ten", "von", "van 't",
    "de la"
  };
  private static final String[] SURNAMES = {
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Groot",
    "Berg",
    "Dijk",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Østby",
    "Lægreid",
    "Sæther",
    "Haugen",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weiß",
    "Meyer",
    "Wagner",
    "Becker",
    "Schäfer",
    "Koch",
    "Groß",
    "Schröder",
    "Hoogenband-Zwart",
    "O'Neill",
    "Da Silva",
    "Müller-Lüdenscheidt",
    "Nakamura",
    "Yılmaz",
    "Đorđević"
  };

  private RegistryNames() {}

  static List<RegistryRecord> people(String prefix, int count, long seed, String domain) {
    Random random = new Random(seed);
    List<RegistryRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String given = GIVEN[random.nextInt(GIVEN.length)];
      if (random.nextInt(3) == 0) {
        given = given + " " + GIVEN[random.nextInt(GIVEN.length)];
      }
      AffiliationKind kind =
          random.nextInt(5) == 0 ? AffiliationKind.STAFF : AffiliationKind.STUDENT;
      records.add(
          new RegistryRecord(
              prefix + i,
              given,
              null,
              INFIXES[random.nextInt(INFIXES.length)],
              SURNAMES[random.nextInt(SURNAMES.length)],
              prefix.replace("-", "") + i,
              domain,
              List.of(new AffiliationPeriod(kind, LocalDate.of(2026, 9, 1), null)),
              false));
    }
    return records;
  }
}
