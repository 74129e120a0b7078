package org.postroom.service.vacation;

import java.io.Serializable;
import java.time.LocalDate;

/** A vacation reply as the user enters it; the entity checks it. */
public record VacationForm(
    String subject, String body, LocalDate startsOn, LocalDate endsOn, Integer intervalDays)
    implements Serializable {}
