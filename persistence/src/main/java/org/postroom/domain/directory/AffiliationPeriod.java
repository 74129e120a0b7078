package org.postroom.domain.directory;

import java.io.Serializable;
import java.time.LocalDate;

/** An affiliation as the registry sends it. */
public record AffiliationPeriod(AffiliationKind kind, LocalDate startsOn, LocalDate endsOn)
    implements Serializable {}
