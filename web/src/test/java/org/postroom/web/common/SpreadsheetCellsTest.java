package org.postroom.web.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

  @Test
  void whatASpreadsheetWouldRunBecomesText() {
    assertEquals(
        "'=HYPERLINK(\"http://evil.example\")",
        SpreadsheetCells.text("=HYPERLINK(\"http://evil.example\")"));
    assertEquals("'+1+2", SpreadsheetCells.text("+1+2"));
    assertEquals("'-2+3", SpreadsheetCells.text("-2+3"));
    assertEquals("'@SUM(A1:A9)", SpreadsheetCells.text("@SUM(A1:A9)"));
    assertEquals("'\t=1", SpreadsheetCells.text("\t=1"));
    assertEquals("'\r=1", SpreadsheetCells.text("\r=1"));
  }

  @Test
  void plainTextStaysAsItIs() {
    assertEquals("u1234", SpreadsheetCells.text("u1234"));
    assertEquals("The surname is missing.", SpreadsheetCells.text("The surname is missing."));
    assertEquals("a=b", SpreadsheetCells.text("a=b"));
    assertEquals("", SpreadsheetCells.text(""));
    assertNull(SpreadsheetCells.text(null));
  }
}
