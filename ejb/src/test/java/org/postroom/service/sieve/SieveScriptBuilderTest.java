package org.postroom.service.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.postroom.domain.domain.MailDomain;
import org.postroom.domain.domain.SharedMailboxPolicy;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.vacation.VacationReply;

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
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> pieces =
        Arbitraries.of(
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
    Arbitrary<String> random = Arbitraries.strings().ofMaxLength(6);
    return Combinators.combine(Arbitraries.oneOf(pieces, random), pieces, random)
        .as((a, b, c) -> a + b + c)
        .list()
        .ofMaxSize(4)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void whateverPeopleTypeStaysData(
      @ForAll("hostile") String subject, @ForAll("hostile") String body) {
    VacationReply reply;
    try {
      reply = reply("S" + subject, "B" + body, null, null);
    } catch (org.postroom.domain.common.RuleViolationException refused) {
      return; // refused input changes nothing and writes no Sieve
    }
    Lexed lexed = lex(new SieveScriptBuilder().vacation(reply, List.of("ann@univ-b.be")).build());
    assertEquals(lex(reference()).code(), lexed.code(), "the code tokens never change");
    assertEquals(reply.getSubject(), lexed.strings().get(2));
    assertEquals(reply.getBody(), lexed.strings().get(3));
  }

  private static String reference() {
    return new SieveScriptBuilder()
        .vacation(reply("Away", "Back", null, null), List.of("ann@univ-b.be"))
        .build();
  }
}
