package org.postroom.service.provisioning;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.service.mailsystem.MailSystemStatus;

/**
 * The outbox at a glance: the mail server's state, changes waiting (and since when), changes that
 * wait for the helpdesk.
 */
public record OutboxSummary(
    MailSystemStatus mailSystem, long pending, Instant oldestPending, long failed)
    implements Serializable {

  /** The same figures with the status a connection check found. */
  public OutboxSummary checked(MailSystemStatus answered) {
    return new OutboxSummary(answered, pending, oldestPending, failed);
  }
}
