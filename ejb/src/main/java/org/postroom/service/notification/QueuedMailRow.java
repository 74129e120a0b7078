package org.postroom.service.notification;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notification the relay did not take, as the helpdesk's outbox page lists it (not its body).
 *
 * @param version what a retry sends back, so that a retry on an outdated view is refused
 */
public record QueuedMailRow(
    long id,
    long version,
    String recipient,
    String subject,
    Instant createdAt,
    int attempts,
    String lastError)
    implements Serializable {}
