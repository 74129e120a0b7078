package org.postroom.service.mailbox;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where the latest change of a mailbox's Sieve script (its vacation reply and filter rules) stands
 * on the mail server, as its page tells the person: saved at {@code savedAt}, and then applied at
 * {@code appliedAt}, or why not yet. A {@code repair} was queued by a reconcile, not by the person:
 * the mail server had lost the script, and Postroom puts it back.
 */
public record ScriptDelivery(Instant savedAt, Status status, Instant appliedAt, boolean repair)
    implements Serializable {

  public enum Status {
    /** On the mail server since {@code appliedAt}. */
    APPLIED,
    /** Being applied: the mail server takes it in a moment. */
    APPLYING,
    /** The mail server cannot be reached: applied when it is back. */
    WAITING_FOR_SERVER,
    /** No mail server is connected to Postroom yet (the embedded default). */
    NO_MAIL_SERVER,
    /** The mail server refused it for good; the helpdesk decides in its outbox. */
    FAILED
  }
}
