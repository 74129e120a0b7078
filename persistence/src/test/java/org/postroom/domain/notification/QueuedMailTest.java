package org.postroom.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.RuleViolationException;

class QueuedMailTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  private static QueuedMail mail() {
    return new QueuedMail(
        "ann@univ-b.be", "Ann", "ann+postroom-notice@univ-b.be", "Subject", "Body", NOW);
  }

  @Test
  void aMailTheRelayDoesNotTakeBacksOffAndWaitsForTheHelpdeskAfterItsBudget() {
    QueuedMail mail = mail();
    Instant at = NOW;
    Duration expected = Duration.ofSeconds(30);
    for (int attempt = 1; attempt < QueuedMail.ATTEMPTS; attempt++) {
      mail.notSent("451 4.3.0 try later", at);
      assertEquals(QueuedMail.State.PENDING, mail.getState());
      assertEquals(at.plus(expected), mail.getNextAttemptAt(), "after attempt " + attempt);
      at = mail.getNextAttemptAt();
      expected =
          expected.multipliedBy(2).compareTo(Duration.ofMinutes(30)) > 0
              ? Duration.ofMinutes(30)
              : expected.multipliedBy(2);
    }
    Instant last = at;
    mail.notSent("451 4.3.0 try later", last);
    assertEquals(QueuedMail.State.FAILED, mail.getState());
    assertEquals("451 4.3.0 try later", mail.getLastError());
    // a failed mail is not sent behind the helpdesk's back; the helpdesk sends it again
    assertThrows(RuleViolationException.class, () -> mail.sent(last));
    mail.retry(last);
    assertEquals(QueuedMail.State.PENDING, mail.getState());
    assertEquals(0, mail.getAttempts());
    mail.sent(last);
    assertEquals(QueuedMail.State.SENT, mail.getState());
    assertThrows(RuleViolationException.class, () -> mail.notSent("late", last));
  }
}
