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

  /** The JPQL constructor expression that reads a row, with the request as r and requester as a. */
  static final String SELECT =
      "select new org.postroom.service.sharedmailbox.RequestRow("
          + "r.id, r.kind, r.address, r.state, a.username, a.displayName, r.submittedAt)";
}
