package org.postroom.service.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postroom.service.testing.HostileText;
import org.quicktheories.generators.Generate;

class MailHeadersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hello\r\nBcc: victim@example.org",
        "line\nbreak",
        "carriage\rreturn",
        "nul\u0000",
        "tab\tseparated",
        "next\u0085line",
        "para\u2029graph"
      })
  void subjectsWithControlCharactersAreRefused(String subject) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingMail("staff@univ-b.be", "Staff", subject, "body"));
  }

  @Test
  void aNoticeIntoTheMailboxShowsTheMailboxAndIsDeliveredPastItsForward() throws Exception {
    OutgoingMail mail =
        new OutgoingMail("ann.smit@univ-b.be", "Ann Smit", "Forwarded", "body").intoMailbox();
    assertEquals("ann.smit+postroom-notice@univ-b.be", mail.deliverTo());
    MimeMessage message = MailSender.toMime(Session.getInstance(new Properties()), mail);
    assertEquals("Ann Smit <ann.smit@univ-b.be>", message.getHeader("To", ","));
    assertEquals(
        "ann.smit@univ-b.be",
        new OutgoingMail("ann.smit@univ-b.be", "Ann Smit", "Forwarded", "body").deliverTo());
    assertThrows(
        IllegalArgumentException.class,
        () -> new OutgoingMail("ann@univ-b.be", "Ann", "s", "b", "x@y\r\nBcc: v@example.org"));
  }

  @Test
  void displayNamesAreFoldedIntoOneLine() {
    assertEquals("Sanne de Vries Bcc: x@y", MailHeaders.fold("Sanne de Vries\r\nBcc: x@y"));
    assertEquals("Zoë Ørsted", MailHeaders.fold("Zoë \t Ørsted"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b.c, d@e.f", "Name <a@b.c>", "not an address", "a@b.c\r\nBcc: d@e.f", ""})
  void recipientsMustBeOneBareAddress(String to) {
    assertThrows(
        IllegalArgumentException.class, () -> new OutgoingMail(to, "x", "subject", "body"));
  }

  /**
   * Whatever the user text in a display name, the message has exactly one To and no header it
   * brought in.
   */
  @Test
  void noDisplayNameAddsAHeader() {
    qt().withExamples(500)
        .forAll(
            Generate.oneOf(
                strings().allPossible().ofLengthBetween(0, 60), Generate.pick(HostileText.KNOWN)))
        .check(name -> onlyItsOwnHeaders(MailHeaders.fold(name), "Subject"));
  }

  /**
   * The known header attacks as a subject: refused where they carry a line break in any spelling,
   * else in one header line that adds none (an encoded word that decodes to a line break stays
   * text: it is never decoded into the header).
   */
  @Test
  void noSubjectAddsAHeader() {
    int refused = 0;
    for (String subject : HostileText.KNOWN) {
      try {
        new OutgoingMail("staff@univ-b.be", "Staff", subject, "body");
      } catch (IllegalArgumentException refusal) {
        refused++;
        continue;
      }
      assertTrue(onlyItsOwnHeaders("Staff", subject), subject);
    }
    assertTrue(refused >= 8, refused + " subjects with line breaks refused");
  }

  private static boolean onlyItsOwnHeaders(String name, String subject) {
    Session session = Session.getInstance(new Properties());
    try {
      OutgoingMail mail = new OutgoingMail("staff@univ-b.be", name, subject, "Body");
      MimeMessage message = MailSender.toMime(session, mail);
      message.saveChanges();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      String headers = raw.toString(StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
      long toLines =
          headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("to:")).count();
      long bccLines =
          headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("bcc:")).count();
      long contentTypes =
          headers
              .lines()
              .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
              .count();
      return toLines == 1
          && bccLines == 0
          && contentTypes <= 1
          && message.getAllRecipients().length == 1;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
