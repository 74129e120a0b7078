package org.postroom.service.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.domain.MailDomain;
import org.postroom.domain.domain.SharedMailboxPolicy;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.vacation.VacationReply;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Sieve written by Postroom carries people's text as data. Each generated script is read back with
 * a small Sieve tokenizer: its code (everything outside strings and comments) is exactly the
 * expected commands, and its strings are exactly the user's text.
 */
class SieveScriptBuilderTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static VacationReply reply(String subject, String body, LocalDate from, LocalDate to) {
    MailDomain domain = new MailDomain("univ-b.be", "nl", SharedMailboxPolicy.universityB());
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

  /** Text a person might type, and text written to break out of a string. */
  private static Gen<String> hostile() {
    Gen<String> pieces =
        Generate.pick(
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
                "\t"));
    Gen<String> random = strings().allPossible().ofLengthBetween(0, 6);
    return Generate.pick(List.of(0, 1))
        .flatMap(kind -> kind == 0 ? pieces : random)
        .zip(pieces, random, (a, b, c) -> a + b + c);
  }

  @Test
  void whateverPeopleTypeStaysData() {
    qt().withExamples(3000)
        .forAll(hostile(), hostile())
        .check(
            (subject, body) -> {
              VacationReply reply;
              try {
                reply = reply("S" + subject, "B" + body, null, null);
              } catch (org.postroom.domain.common.RuleViolationException refused) {
                return true; // refused input changes nothing and writes no Sieve
              }
              Lexed lexed =
                  lex(new SieveScriptBuilder().vacation(reply, List.of("ann@univ-b.be")).build());
              return lexed.code().equals(lex(reference()).code())
                  && lexed.strings().get(2).equals(reply.getSubject())
                  && lexed.strings().get(3).equals(reply.getBody());
            });
  }

  private static String reference() {
    return new SieveScriptBuilder()
        .vacation(reply("Away", "Back", null, null), List.of("ann@univ-b.be"))
        .build();
  }
}
