package org.postroom.domain.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * University A's address rule: {@code initials.infixes.surname}, e.g. Jan Jaap de Groot → {@code
 * j.j.de.groot}. Letters are folded to ASCII (é→e, ø→o, ß→ss, æ→ae), apostrophes vanish (O'Brien →
 * obrien), spaces inside a part become dots (Da Silva → da.silva), hyphens stay between letters
 * (jansen-smit). The local part is at most {@code maxLength} characters; a name that is taken gets
 * the next free sequence number (j.j.de.groot2, j.j.de.groot3, …), shortened where needed so that
 * the number fits.
 *
 * <p>The generator is a pure function of the name and of which addresses are taken, so the same
 * person always gets the same address proposed; the database's unique index has the last word when
 * two imports race.
 */
public final class AddressGenerator {

  /** Letters that Unicode decomposition does not reduce to ASCII. */
  private static final Map<Character, String> SPECIAL =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ẞ', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('Æ', "ae"),
          Map.entry('ø', "o"),
          Map.entry('Ø', "o"),
          Map.entry('œ', "oe"),
          Map.entry('Œ', "oe"),
          Map.entry('đ', "d"),
          Map.entry('Đ', "d"),
          Map.entry('ð', "d"),
          Map.entry('Ð', "d"),
          Map.entry('þ', "th"),
          Map.entry('Þ', "th"),
          Map.entry('ł', "l"),
          Map.entry('Ł', "l"),
          Map.entry('ı', "i"),
          Map.entry('ĳ', "ij"),
          Map.entry('Ĳ', "ij"));

  private static final Set<Character> APOSTROPHES = Set.of('\'', '’', 'ʼ', '`', '´', '‘');

  /**
   * The most sequence numbers tried before giving up (a name shared by this many people is
   * improbable).
   */
  static final int MAX_SEQUENCE = 9999;

  private final int maxLength;

  public AddressGenerator(int maxLength) {
    if (maxLength < 6 || maxLength > 64) {
      throw new IllegalArgumentException("a generated local part needs 6..64 characters");
    }
    this.maxLength = maxLength;
  }

  /**
   * The base local part for a name, without a sequence number: empty when the name has no letter or
   * digit that folds to ASCII (the caller then falls back, e.g. to the username).
   */
  public String base(PersonName name) {
    List<String> parts = new ArrayList<>();
    String initials = name.initials() != null ? name.initials() : initialsOf(name.givenNames());
    if (initials != null) {
      for (char c : fold(initials).toCharArray()) {
        if (isAlnum(c)) {
          parts.add(String.valueOf(c));
        }
      }
    }
    addWords(parts, name.infixes());
    addWords(parts, name.surname());
    return trim(String.join(".", parts), maxLength);
  }

  /**
   * The first free local part for the name: the base, else base2, base3, … Throws when the name
   * folds to nothing or every number up to {@value #MAX_SEQUENCE} is taken.
   */
  public String firstFree(PersonName name, Predicate<String> taken) {
    String base = base(name);
    if (base.isEmpty()) {
      throw new IllegalArgumentException("the name has no letters that make an address");
    }
    if (!taken.test(base)) {
      return base;
    }
    for (int sequence = 2; sequence <= MAX_SEQUENCE; sequence++) {
      String candidate = withSequence(base, sequence);
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free address for " + base);
  }

  /** base + number, the base shortened so that the whole stays within the limit. */
  public String withSequence(String base, int sequence) {
    String number = Integer.toString(sequence);
    return trim(base, maxLength - number.length()) + number;
  }

  public int maxLength() {
    return maxLength;
  }

  /**
   * Lower-case ASCII: accents removed, special letters spelled out, everything else kept for the
   * caller.
   */
  static String fold(String text) {
    StringBuilder spelled = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      String special = SPECIAL.get(c);
      if (special != null) {
        spelled.append(special);
      } else if (!APOSTROPHES.contains(c)) {
        spelled.append(c);
      }
    }
    String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
    StringBuilder ascii = new StringBuilder(decomposed.length());
    for (char c : decomposed.toCharArray()) {
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        ascii.append(c);
      }
    }
    return ascii.toString().toLowerCase(Locale.ROOT);
  }

  private static String initialsOf(String givenNames) {
    if (givenNames == null) {
      return null;
    }
    StringBuilder initials = new StringBuilder();
    for (String given : givenNames.strip().split("[\\s.]+")) {
      String folded = fold(given);
      for (char c : folded.toCharArray()) {
        if (isAlnum(c)) {
          initials.append(c);
          break;
        }
      }
    }
    return initials.isEmpty() ? null : initials.toString();
  }

  /**
   * Each word of a name part as a dot-separated part; hyphens kept between letters, the rest
   * dropped.
   */
  private static void addWords(List<String> parts, String text) {
    if (text == null) {
      return;
    }
    for (String word : fold(text).split("[\\s.]+")) {
      StringBuilder kept = new StringBuilder();
      for (char c : word.toCharArray()) {
        if (isAlnum(c)) {
          kept.append(c);
        } else if ((c == '-' || c == '‐')
            && !kept.isEmpty()
            && kept.charAt(kept.length() - 1) != '-') {
          kept.append('-');
        }
      }
      String cleaned = stripSeparators(kept.toString());
      if (!cleaned.isEmpty()) {
        parts.add(cleaned);
      }
    }
  }

  /** Cut to the limit, never ending on a dot or hyphen. */
  private static String trim(String localPart, int limit) {
    String cut = localPart.length() > limit ? localPart.substring(0, limit) : localPart;
    return stripSeparators(cut);
  }

  private static String stripSeparators(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == '.' || text.charAt(start) == '-')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
      end--;
    }
    return text.substring(start, end).replaceAll("\\.-|-\\.", ".");
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
