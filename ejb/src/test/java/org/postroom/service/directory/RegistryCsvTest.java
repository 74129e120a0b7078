package org.postroom.service.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;

class RegistryCsvTest {

  private static List<ImportLine> read(String text) {
    return RegistryCsv.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String key(String text) {
    return assertThrows(RuleViolationException.class, () -> read(text)).violations().get(0).key();
  }

  @Test
  void readsRecordsWithTheirLineNumbers() {
    List<ImportLine> lines =
        read(
            """
            registryId,givenNames,initials,infixes,surname,username,domain,affiliations,closed
            s1,Jan Jaap,J.J.,de,Groot,jgroot,umail.example-a.nl,STUDENT:2025-09-01:2026-08-31|staff:2026-09-01,
            s2,"Anne-Marie ""Mia\""",,,"O'Brien, Jr.",mobrien,umail.example-a.nl,STAFF:2020-01-01,yes
            """);
    assertEquals(2, lines.size());
    ImportLine first = lines.get(0);
    assertEquals(2, first.number());
    assertNull(first.unreadable());
    assertEquals("Jan Jaap", first.record().givenNames());
    assertEquals(
        List.of(
            new AffiliationPeriod(
                AffiliationKind.STUDENT, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 8, 31)),
            new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 9, 1), null)),
        first.record().affiliations());
    assertFalse(first.record().closed());
    ImportLine second = lines.get(1);
    assertEquals(3, second.number());
    assertEquals("Anne-Marie \"Mia\"", second.record().givenNames());
    assertEquals("O'Brien, Jr.", second.record().surname());
    assertNull(second.record().initials());
    assertTrue(second.record().closed());
  }

  @Test
  void acceptsSemicolonsAByteOrderMarkAndColumnsInAnyOrder() {
    List<ImportLine> lines =
        read(
            "\uFEFFSurname;RegistryId;Username;Domain;Affiliations\r\n"
                + "Ødegård;n1;kodeg;alumni.univ-d.no;STUDENT:2019-08-15:2024-06-30\r\n");
    assertEquals("Ødegård", lines.get(0).record().surname());
    assertEquals("n1", lines.get(0).record().registryId());
  }

  @Test
  void aLineThatCannotBeReadIsRejectedWithItsReasonTheOthersAreKept() {
    List<ImportLine> lines =
        read(
            """
            registryId,surname,username,domain,affiliations,closed
            s1,Groot,jgroot,univ-b.be,STUDENT:2025-13-01,
            s2,Groot,jgroot2,univ-b.be,STUDENT:2025-09-01,maybe
            s3,Groot,jgroot3,univ-b.be,STUDENT:2025-09-01
            s4,Groot,jgroot4,univ-b.be,PROFESSOR:2025-09-01,
            s5,Groot,jgroot5,univ-b.be,STUDENT:2025-09-01,
            """);
    assertEquals(5, lines.size());
    assertEquals("import.affiliations.format", lines.get(0).unreadable().key());
    assertEquals(List.of("STUDENT:2025-13-01"), lines.get(0).unreadable().args());
    assertEquals("s1", lines.get(0).registryId());
    assertEquals("import.closed.format", lines.get(1).unreadable().key());
    assertEquals("import.line.columns", lines.get(2).unreadable().key());
    assertEquals("import.affiliations.format", lines.get(3).unreadable().key());
    assertNull(lines.get(4).unreadable());
    assertEquals(6, lines.get(4).number());
  }

  @Test
  void refusesWhatIsNoRegistryFile() {
    assertEquals("import.file.empty", key(""));
    assertEquals("import.file.noLines", key("registryId,surname,username,domain,affiliations\n"));
    assertEquals("import.file.missingColumns", key("registryId,surname\ns1,Groot\n"));
    assertEquals(
        "import.file.unknownColumns",
        key(
            "registryId,surname,username,domain,affiliations,email\ns1,G,g,d.be,STAFF:2020-01-01,x\n"));
    assertEquals(
        "import.file.malformed",
        key(
            "registryId,surname,username,domain,affiliations\ns1,\"Groot,g,d.be,STAFF:2020-01-01\n"));
    byte[] latin1 =
        "registryId,surname,username,domain,affiliations\ns1,Müller,m,d.be,STAFF:2020-01-01\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        "import.file.encoding",
        assertThrows(RuleViolationException.class, () -> RegistryCsv.read(latin1))
            .violations()
            .get(0)
            .key());
  }

  @Test
  void refusesMoreLinesThanOneImportTakes() {
    StringBuilder text = new StringBuilder("registryId,surname,username,domain,affiliations\n");
    for (int i = 0; i <= RegistryCsv.MAX_LINES; i++) {
      text.append("s").append(i).append(",G,g").append(i).append(",d.be,STAFF:2020-01-01\n");
    }
    assertEquals("import.file.tooManyLines", key(text.toString()));
  }
}
