package org.postroom.service.address;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.postroom.domain.address.SendPolicy;

/** A distribution list as its owners' overview shows it. */
public record OwnedList(
    String address,
    String purpose,
    long members,
    SendPolicy sendPolicy,
    LocalDate endsOn,
    Instant closedAt)
    implements Serializable {

  /** Reads a row, with the list as l. */
  static final String SELECT =
      "select new org.postroom.service.address.OwnedList(l.address, l.purpose, size(l.members),"
          + " l.sendPolicy, l.endsOn, l.closedAt)";
}
