package org.postroom.service.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.postroom.domain.directory.AffiliationPeriod;

/**
 * Checks of a registry record that need no database; the first broken rule is the record's reason.
 */
final class RecordRules {

  private static final Pattern REGISTRY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

  private RecordRules() {}

  static Optional<Outcome> check(RegistryRecord record) {
    if (record.registryId() == null || !REGISTRY_ID.matcher(record.registryId()).matches()) {
      return Optional.of(Outcome.rejected("import.registryId.invalid"));
    }
    if (record.surname() == null || record.surname().isBlank()) {
      return Optional.of(Outcome.rejected("import.surname.required"));
    }
    if (tooLong(record.givenNames(), 200)
        || tooLong(record.surname(), 200)
        || tooLong(record.initials(), 40)
        || tooLong(record.infixes(), 60)) {
      return Optional.of(Outcome.rejected("import.name.tooLong"));
    }
    if (hasControl(record.givenNames())
        || hasControl(record.surname())
        || hasControl(record.initials())
        || hasControl(record.infixes())) {
      return Optional.of(Outcome.rejected("import.name.control"));
    }
    String username =
        record.username() == null ? "" : record.username().strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      return Optional.of(Outcome.rejected("import.username.invalid"));
    }
    if (record.domain() == null || record.domain().isBlank()) {
      return Optional.of(Outcome.rejected("import.domain.required"));
    }
    if (record.affiliations().isEmpty() && !record.closed()) {
      return Optional.of(Outcome.rejected("import.affiliation.required"));
    }
    for (AffiliationPeriod period : record.affiliations()) {
      if (period == null || period.kind() == null || period.startsOn() == null) {
        return Optional.of(Outcome.rejected("import.affiliation.incomplete"));
      }
      if (period.endsOn() != null && period.endsOn().isBefore(period.startsOn())) {
        return Optional.of(Outcome.rejected("import.affiliation.endsBeforeStart"));
      }
    }
    return Optional.empty();
  }

  /**
   * The lines with every record that breaks a rule, or repeats an earlier line's registry id,
   * marked rejected; lines already unreadable stay as they are.
   */
  static List<ImportLine> screen(List<ImportLine> lines) {
    Set<String> seen = new HashSet<>();
    List<ImportLine> screened = new ArrayList<>(lines.size());
    for (ImportLine line : lines) {
      Optional<Outcome> broken =
          line.unreadable() != null
              ? Optional.empty()
              : line.record() == null
                  ? Optional.of(Outcome.rejected("import.record.empty"))
                  : check(line.record());
      if (broken.isEmpty() && line.unreadable() == null && !seen.add(line.record().registryId())) {
        broken = Optional.of(Outcome.rejected("import.registryId.repeated"));
      }
      screened.add(broken.map(line::rejectedAs).orElse(line));
    }
    return screened;
  }

  private static boolean tooLong(String value, int max) {
    return value != null && value.length() > max;
  }

  private static boolean hasControl(String value) {
    return value != null && value.chars().anyMatch(Character::isISOControl);
  }
}
