package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;

/** One line of a request table (the helpdesk queue, one's own requests): what the table shows. */
public record RequestRow(
    long id,
    RequestKind kind,
    String address,
    RequestState state,
    String requesterUsername,
    String requesterDisplayName,
    Instant submittedAt)
    implements Serializable {

  /**
   * The JPQL select of a row's columns, with the request as r: the request's table alone (the
   * requester's id, not a join), so that the database walks the sort's index and stops at the page;
   * the requesters' names are read for the page's rows after.
   */
  static final String COLUMNS =
      "select r.id, r.kind, r.address, r.state, r.requesterUsername, r.requester.id,"
          + " r.submittedAt";

  /** A row of {@link #COLUMNS}, with the requester's name from {@code names} (by account id). */
  static RequestRow of(Object[] columns, java.util.Map<Long, String> names) {
    return new RequestRow(
        (Long) columns[0],
        (RequestKind) columns[1],
        (String) columns[2],
        (RequestState) columns[3],
        (String) columns[4],
        names.get((Long) columns[5]),
        (Instant) columns[6]);
  }
}
