package org.postroom.service.vacation;

import java.io.Serializable;
import java.time.LocalDate;
import org.postroom.domain.vacation.VacationReply;

/** A vacation reply as the user enters it; the entity checks it. */
public record VacationForm(
    String subject, String body, LocalDate startsOn, LocalDate endsOn, Integer intervalDays)
    implements Serializable {

  /** The reply a mailbox has, as its form shows it; {@code null} for none. */
  public static VacationForm of(VacationReply reply) {
    return reply == null
        ? null
        : new VacationForm(
            reply.getSubject(),
            reply.getBody(),
            reply.getStartsOn(),
            reply.getEndsOn(),
            reply.getIntervalDays());
  }
}
