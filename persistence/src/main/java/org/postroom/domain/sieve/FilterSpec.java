package org.postroom.domain.sieve;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.Violation;

/**
 * What one filter rule does, as a person enters it: a condition and what happens to the mail it
 * matches. {@link #normalized()} drops what the chosen condition and destination do not use; {@link
 * #violations()} names every rule the entry breaks, at its field. The texts are data to the Sieve
 * builder, which quotes them; the checks here are what the mail server can carry out.
 *
 * @param sizeKb for {@link FilterField#SIZE_OVER}: larger than this many kilobytes (1000 bytes)
 * @param forwardTo an address that gets a copy of the matched mail, or null
 * @param stop later rules do not apply to the matched mail
 */
public record FilterSpec(
    FilterField field,
    String headerName,
    FilterMatch match,
    String value,
    Long sizeKb,
    FilterDestination destination,
    String folder,
    boolean markRead,
    String forwardTo,
    boolean stop)
    implements Serializable {

  public static final int VALUE_MAX = 200;
  public static final int HEADER_MAX = 76;
  public static final int FOLDER_MAX = 100;
  public static final long SIZE_KB_MAX = 2_000_000;

  /** The folder the trash setting acts on (its name in the operator's Dovecot template). */
  public static final String TRASH_FOLDER = "Trash";

  /** The spec without blanks around texts and without the values its choices do not use. */
  public FilterSpec normalized() {
    boolean text = field != null && field.comparesText();
    String forward = MailAddresses.normalize(forwardTo);
    return new FilterSpec(
        field,
        field == FilterField.HEADER ? strip(headerName) : null,
        text ? (match == null ? FilterMatch.CONTAINS : match) : null,
        text ? strip(value) : null,
        field == FilterField.SIZE_OVER ? sizeKb : null,
        destination == null ? FilterDestination.INBOX : destination,
        destination == FilterDestination.FOLDER ? folderName(folder) : null,
        markRead,
        forward.isEmpty() ? null : forward,
        stop);
  }

  /** Every broken rule of this (normalized) spec; the forward target's are the service's. */
  public List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    if (field == null) {
      found.add(Violation.of("field", "filter.field.required"));
    }
    if (field == FilterField.HEADER) {
      if (headerName == null) {
        found.add(Violation.of("headerName", "filter.header.required"));
      } else if (headerName.length() > HEADER_MAX || !isFieldName(headerName)) {
        found.add(Violation.of("headerName", "filter.header.invalid", HEADER_MAX));
      }
    }
    if (field != null && field.comparesText()) {
      if (value == null) {
        found.add(Violation.of("value", "filter.value.required"));
      } else if (value.length() > VALUE_MAX) {
        found.add(Violation.of("value", "filter.value.tooLong", VALUE_MAX));
      } else if (value.codePoints().anyMatch(FilterSpec::unfit)) {
        found.add(Violation.of("value", "filter.value.control"));
      }
    }
    if (field == FilterField.SIZE_OVER && (sizeKb == null || sizeKb < 1 || sizeKb > SIZE_KB_MAX)) {
      found.add(Violation.of("sizeKb", "filter.size.range", 1, SIZE_KB_MAX));
    }
    if (destination == FilterDestination.FOLDER) {
      folderViolation(folder).ifPresent(key -> found.add(Violation.of("folder", key, FOLDER_MAX)));
    }
    if (destination == FilterDestination.INBOX && !markRead && forwardTo == null && !stop) {
      found.add(Violation.of(null, "filter.nothingToDo"));
    }
    return found;
  }

  /** A folder name as typed: trimmed, and trimmed around each level's separator. */
  private static String folderName(String raw) {
    String name = strip(raw);
    if (name == null) {
      return null;
    }
    String[] levels = name.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      levels[i] = levels[i].strip();
    }
    return String.join("/", levels);
  }

  private static Optional<String> folderViolation(String folder) {
    if (folder == null) {
      return Optional.of("filter.folder.required");
    }
    if (folder.length() > FOLDER_MAX) {
      return Optional.of("filter.folder.tooLong");
    }
    if (folder.equalsIgnoreCase("INBOX")) {
      return Optional.of("filter.folder.inbox");
    }
    if (folder.indexOf('.') >= 0) {
      // Maildir++ (the operator's template) keeps a folder's levels apart with dots
      return Optional.of("filter.folder.dot");
    }
    boolean badChar = folder.codePoints().anyMatch(c -> unfit(c) || "*%\\".indexOf(c) >= 0);
    if (badChar
        || folder.startsWith("~")
        || folder.contains("//")
        || folder.startsWith("/")
        || folder.endsWith("/")) {
      return Optional.of("filter.folder.invalid");
    }
    return Optional.empty();
  }

  /** A control character, or half of a surrogate pair without its other half. */
  private static boolean unfit(int codePoint) {
    return Character.isISOControl(codePoint)
        || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  /** RFC 5322's field name: printable ASCII but the colon. */
  private static boolean isFieldName(String name) {
    return name.chars().allMatch(c -> c > 32 && c < 127 && c != ':');
  }

  private static String strip(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
