package org.postroom.service.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;

/**
 * The registry file as administrators upload it: UTF-8 CSV (comma or semicolon, as spreadsheets
 * write it) with a header naming the columns in any order. Affiliations are one cell, {@code
 * KIND:start[:end]} separated by {@code |}, e.g. {@code
 * STUDENT:2025-09-01:2026-08-31|STAFF:2026-09-01}. A line that cannot be read becomes a rejected
 * line with its reason; the file as a whole is refused only when it is not a registry file at all.
 */
public final class RegistryCsv {

  public static final List<String> COLUMNS =
      List.of(
          "registryId",
          "givenNames",
          "initials",
          "infixes",
          "surname",
          "username",
          "domain",
          "affiliations",
          "closed");
  public static final List<String> REQUIRED =
      List.of("registryId", "surname", "username", "domain", "affiliations");
  public static final int MAX_BYTES = 20_000_000;
  public static final int MAX_LINES = 100_000;

  private static final Set<String> YES = Set.of("true", "yes", "1", "ja", "y");
  private static final Set<String> NO = Set.of("", "false", "no", "0", "nee", "n");

  private RegistryCsv() {}

  /** Every data line of a file, read or rejected; refuses a file that is no registry file. */
  public static List<ImportLine> read(byte[] content) {
    if (content == null || content.length == 0) {
      throw RuleViolationException.of("import.file.empty");
    }
    if (content.length > MAX_BYTES) {
      throw RuleViolationException.of("import.file.tooLarge", MAX_BYTES / 1_000_000);
    }
    String text = decode(content);
    char delimiter = firstLine(text).contains(";") && !firstLine(text).contains(",") ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> columns = columns(parser.getHeaderNames());
      List<ImportLine> lines = new ArrayList<>();
      for (CSVRecord row : parser) {
        if (lines.size() == MAX_LINES) {
          throw RuleViolationException.of("import.file.tooManyLines", MAX_LINES);
        }
        lines.add(line((int) row.getRecordNumber() + 1, row, columns));
      }
      if (lines.isEmpty()) {
        throw RuleViolationException.of("import.file.noLines");
      }
      return lines;
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw RuleViolationException.of("import.file.malformed");
    }
  }

  private static String decode(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException notUtf8) {
      throw RuleViolationException.of("import.file.encoding");
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The header's columns by lower-case name; refuses unknown and missing required columns. */
  private static Map<String, Integer> columns(List<String> header) {
    Map<String, String> known = new TreeMap<>();
    COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
    Map<String, Integer> columns = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (known.containsKey(name)) {
        columns.put(known.get(name), i);
      } else if (!name.isEmpty()) {
        unknown.add(header.get(i));
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    List<Violation> found = new ArrayList<>();
    if (!missing.isEmpty()) {
      found.add(Violation.of("file", "import.file.missingColumns", String.join(", ", missing)));
    }
    if (!unknown.isEmpty()) {
      found.add(
          Violation.of(
              "file",
              "import.file.unknownColumns",
              String.join(", ", unknown),
              String.join(", ", COLUMNS)));
    }
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    return columns;
  }

  private static ImportLine line(int number, CSVRecord row, Map<String, Integer> columns) {
    String registryId = cell(row, columns, "registryId");
    if (!row.isConsistent()) {
      return ImportLine.unreadable(number, registryId, Outcome.rejected("import.line.columns"));
    }
    List<AffiliationPeriod> affiliations = new ArrayList<>();
    String cell = cell(row, columns, "affiliations");
    for (String entry : cell == null ? new String[0] : cell.split("\\|")) {
      if (entry.isBlank()) {
        continue;
      }
      AffiliationPeriod period = affiliation(entry.strip());
      if (period == null) {
        return ImportLine.unreadable(
            number, registryId, Outcome.rejected("import.affiliations.format", entry.strip()));
      }
      affiliations.add(period);
    }
    String closed = cell(row, columns, "closed");
    String flag = closed == null ? "" : closed.toLowerCase(Locale.ROOT);
    if (!YES.contains(flag) && !NO.contains(flag)) {
      return ImportLine.unreadable(
          number, registryId, Outcome.rejected("import.closed.format", closed));
    }
    return ImportLine.of(
        number,
        new RegistryRecord(
            registryId,
            cell(row, columns, "givenNames"),
            cell(row, columns, "initials"),
            cell(row, columns, "infixes"),
            cell(row, columns, "surname"),
            cell(row, columns, "username"),
            cell(row, columns, "domain"),
            affiliations,
            YES.contains(flag)));
  }

  /** {@code KIND:start[:end]}, dates as ISO 8601; {@code null} when it is not that. */
  private static AffiliationPeriod affiliation(String entry) {
    String[] parts = entry.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    try {
      AffiliationKind kind = AffiliationKind.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
      LocalDate starts = LocalDate.parse(parts[1].strip());
      LocalDate ends =
          parts.length == 3 && !parts[2].isBlank() ? LocalDate.parse(parts[2].strip()) : null;
      return new AffiliationPeriod(kind, starts, ends);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return null;
    }
  }

  private static String cell(CSVRecord row, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    if (index == null || index >= row.size()) {
      return null;
    }
    String value = row.get(index);
    return value.isEmpty() ? null : value;
  }
}
