package org.postroom.web.common;

/**
 * Text for a cell of a CSV file that people open in a spreadsheet. A value a spreadsheet would take
 * for a formula (one starting with {@code = + - @}, a tab or a carriage return) gets a leading
 * apostrophe, so that it shows as the text it is and runs nothing: a registry id such as {@code
 * =HYPERLINK(…)} in a downloaded report stays a registry id (OWASP's advice on CSV injection).
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
