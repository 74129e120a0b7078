package org.postroom.service.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.domain.sieve.FilterDestination;
import org.postroom.domain.sieve.FilterField;
import org.postroom.domain.sieve.FilterMatch;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.testing.HostileText;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Sieve written by Postroom carries people's text as data. Each generated script is read back with
 * a small Sieve tokenizer: its code (everything outside strings and comments) is exactly the
 * expected commands, and its strings are exactly the user's text.
 */
class SieveScriptBuilderTest {

  private static final int EXAMPLES = 3000;

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static VacationReply reply(String subject, String body, LocalDate from, LocalDate to) {
    MailDomain domain =
        new MailDomain(
            "univ-b.be",
            "nl",
            new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5_000_000_000L, false));
    VacationReply reply =
        new VacationReply(Mailbox.shared(domain, "ann@univ-b.be", List.of(), NOW));
    reply.set(subject, body, from, to, 7, NOW);
    return reply;
  }

  /** A Sieve script split into code tokens and string values (RFC 5228 lexical rules). */
  record Lexed(List<String> code, List<String> strings) {}

  static Lexed lex(String script) {
    List<String> code = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '#') {
        i = script.indexOf('\n', i);
        i = i < 0 ? script.length() : i + 1;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (script.charAt(i) != '"') {
          if (script.charAt(i) == '\\') {
            i++;
          }
          value.append(script.charAt(i++));
        }
        i++;
        strings.add(value.toString());
        code.add("STRING");
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if ("[](){},;".indexOf(c) >= 0) {
        code.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < script.length()
            && !Character.isWhitespace(script.charAt(i))
            && "[](){},;\"#".indexOf(script.charAt(i)) < 0) {
          i++;
        }
        code.add(script.substring(start, i));
      }
    }
    return new Lexed(code, strings);
  }

  @Test
  void aReplyWithoutDatesIsOneVacationCommand() {
    String script =
        new SieveScriptBuilder()
            .vacation(reply("Away", "Back on Monday.", null, null), List.of("ann@univ-b.be"))
            .build();
    Lexed lexed = lex(script);
    assertEquals(
        List.of(
            "require",
            "[",
            "STRING",
            "]",
            ";",
            "vacation",
            ":days",
            "7",
            ":addresses",
            "[",
            "STRING",
            "]",
            ":subject",
            "STRING",
            "STRING",
            ";"),
        lexed.code());
    assertEquals(List.of("vacation", "ann@univ-b.be", "Away", "Back on Monday."), lexed.strings());
  }

  @Test
  void aReplyWithDatesIsActiveOnlyWithinThem() {
    String script =
        new SieveScriptBuilder()
            .vacation(
                reply("Away", "Back soon", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 3)),
                List.of("ann@univ-b.be"))
            .build();
    Lexed lexed = lex(script);
    assertEquals(List.of("date", "relational", "vacation"), lexed.strings().subList(0, 3));
    assertEquals(
        List.of("ge", "date", "2026-12-21", "le", "date", "2027-01-03"),
        lexed.strings().subList(3, 9));
    assertEquals("if", lexed.code().get(lexed.code().indexOf(";") + 1));
  }

  @Test
  void nothingToDoIsNoScript() {
    assertNull(new SieveScriptBuilder().vacation(null, List.of("a@b.c")).build());
  }

  private static final List<String> PIECES =
      List.of(
          "\"",
          "\\",
          "\\\"",
          "\";\ndiscard;\n#",
          "${hex:41}",
          "\n.\n",
          "text:\n",
          "\r\n",
          "}",
          "{",
          "]",
          "#",
          "/*",
          "*/",
          "æøå",
          "日本",
          "🙂",
          " ",
          "a",
          "keep;",
          "\t");

  /**
   * Text a person might type in a text area, and text written to break out of a string: the pieces
   * above and the known attacks of public injection reports ({@link HostileText}).
   */
  private static Gen<String> hostile() {
    return hostile(ALL_PIECES);
  }

  private static final List<String> ALL_PIECES =
      java.util.stream.Stream.concat(PIECES.stream(), HostileText.KNOWN.stream()).toList();

  /** The same for a field of one line (a header, a folder name): no line breaks. */
  private static Gen<String> hostileLine() {
    return hostile(ALL_PIECES.stream().filter(SieveScriptBuilderTest::oneLine).toList());
  }

  /**
   * A folder name: one line, without what folder names refuse themselves ({@code * % \\ .}, tested
   * with the folder rules), so that quotes, braces and semicolons reach the builder.
   */
  private static Gen<String> hostileFolder() {
    return hostile(
        ALL_PIECES.stream()
            .filter(SieveScriptBuilderTest::oneLine)
            .filter(p -> p.chars().noneMatch(c -> "*%\\.".indexOf(c) >= 0))
            .toList());
  }

  /**
   * A piece a one-line field takes at all: no line break in any spelling, no control character, not
   * overlong (what those fields refuse is tested with their rules), so the property checks the
   * rest.
   */
  private static boolean oneLine(String piece) {
    return piece.length() <= 100
        && piece
            .chars()
            .noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
  }

  private static Gen<String> hostile(List<String> choices) {
    Gen<String> pieces = Generate.pick(choices);
    // printable text between the pieces (control characters are refused, and would leave little
    // for the property to check)
    Gen<String> random = strings().betweenCodePoints(0x20, 0x2FFF).ofLengthBetween(0, 6);
    return lists()
        .of(Generate.oneOf(pieces, random).zip(pieces, random, (a, b, c) -> a + b + c))
        .ofSizeBetween(0, 4)
        .map(parts -> String.join("", parts));
  }

  @Test
  void whateverPeopleTypeStaysData() {
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(hostileLine(), hostile())
        .checkAssert(
            (subject, body) -> {
              VacationReply reply;
              try {
                reply = reply("S" + subject, "B" + body, null, null);
              } catch (org.postroom.domain.common.RuleViolationException refusal) {
                refused.incrementAndGet();
                return; // refused input changes nothing and writes no Sieve
              }
              Lexed lexed =
                  lex(new SieveScriptBuilder().vacation(reply, List.of("ann@univ-b.be")).build());
              assertEquals(lex(reference()).code(), lexed.code(), "the code tokens never change");
              assertEquals(reply.getSubject(), lexed.strings().get(2));
              assertEquals(reply.getBody(), lexed.strings().get(3));
              checked.incrementAndGet();
            });
    // a property whose every input were refused would prove nothing about the builder
    assertTrue(
        checked.get() >= EXAMPLES / 2,
        checked + " replies checked, " + refused + " refused of " + EXAMPLES);
  }

  private static FilterSpec subjectRule(String value, String folder) {
    return new FilterSpec(
            FilterField.SUBJECT,
            null,
            FilterMatch.CONTAINS,
            value,
            null,
            FilterDestination.FOLDER,
            folder,
            true,
            "Archive@Partner.example",
            true)
        .normalized();
  }

  @Test
  void aFilterRuleForwardsACopyFilesTheMailReadAndStops() {
    Lexed lexed =
        lex(
            new SieveScriptBuilder()
                .filters(List.of(subjectRule("[list]", "Lists/Débats")))
                .build());
    assertEquals(
        List.of(
            "require",
            "[",
            "STRING",
            ",",
            "STRING",
            ",",
            "STRING",
            ",",
            "STRING",
            "]",
            ";",
            "if",
            "header",
            ":contains",
            "STRING",
            "STRING",
            "{",
            "redirect",
            ":copy",
            "STRING",
            ";",
            "fileinto",
            ":flags",
            "STRING",
            ":create",
            "STRING",
            ";",
            "stop",
            ";",
            "}"),
        lexed.code());
    assertEquals(
        List.of(
            "copy",
            "fileinto",
            "imap4flags",
            "mailbox",
            "subject",
            "[list]",
            "archive@partner.example",
            "\\Seen",
            "Lists/Débats"),
        lexed.strings());
  }

  @Test
  void eachConditionAndDestinationHasItsTest() {
    FilterSpec size =
        new FilterSpec(
            FilterField.SIZE_OVER,
            null,
            null,
            null,
            5_000L,
            FilterDestination.TRASH,
            null,
            false,
            null,
            false);
    FilterSpec header =
        new FilterSpec(
            FilterField.HEADER,
            "X-Spam-Flag",
            FilterMatch.IS,
            "YES",
            null,
            FilterDestination.INBOX,
            null,
            true,
            null,
            false);
    FilterSpec sender =
        new FilterSpec(
            FilterField.FROM,
            null,
            FilterMatch.IS,
            "boss@uni.example",
            null,
            FilterDestination.INBOX,
            null,
            false,
            null,
            true);
    String script =
        new SieveScriptBuilder()
            .vacation(reply("Away", "Back", null, null), List.of("ann@univ-b.be"))
            .filters(List.of(size.normalized(), header.normalized(), sender.normalized()))
            .build();
    String body = script.substring(script.indexOf(";\n") + 2);
    assertEquals(
        String.join(
            "\n",
            "vacation :days 7 :addresses [\"ann@univ-b.be\"] :subject \"Away\" \"Back\";",
            "# filter rule 1",
            "if size :over 5000000 {",
            "  fileinto :create \"Trash\";",
            "}",
            "# filter rule 2",
            "if header :is \"X-Spam-Flag\" \"YES\" {",
            "  keep :flags \"\\\\Seen\";",
            "}",
            "# filter rule 3",
            "if address :all :is \"from\" \"boss@uni.example\" {",
            "  stop;",
            "}",
            ""),
        body);
  }

  @Test
  void whateverARuleMatchesOrFilesIntoStaysData() {
    AtomicInteger checked = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(hostileLine(), hostileFolder())
        .checkAssert(
            (value, folder) -> {
              FilterSpec spec = subjectRule("v" + value, "F" + folder);
              if (!spec.violations().isEmpty()) {
                return; // refused input changes nothing and writes no Sieve
              }
              Lexed lexed = lex(new SieveScriptBuilder().filters(List.of(spec)).build());
              assertEquals(
                  lex(new SieveScriptBuilder().filters(List.of(subjectRule("x", "Y"))).build())
                      .code(),
                  lexed.code(),
                  "the code tokens never change");
              assertEquals(spec.value(), lexed.strings().get(5));
              assertEquals(spec.folder(), lexed.strings().get(8));
              checked.incrementAndGet();
            });
    assertTrue(
        checked.get() >= EXAMPLES / 2, checked + " rules checked of " + EXAMPLES + " generated");
  }

  private static String reference() {
    return new SieveScriptBuilder()
        .vacation(reply("Away", "Back", null, null), List.of("ann@univ-b.be"))
        .build();
  }
}
