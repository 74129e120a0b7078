package org.postroom.service.provisioning;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.provisioning.ChangeKind;

/**
 * One change in the outbox as the helpdesk's page lists it (not its payload, a Sieve script of up
 * to 64 KiB).
 *
 * @param version what a retry or abandon sends back, so that a decision on an outdated view is
 *     refused
 * @param serverKey the mail server it is for (its provisioning key, {@code default})
 */
public record OutboxRow(
    long id,
    long version,
    String mailboxAddress,
    ChangeKind kind,
    Instant createdAt,
    String createdBy,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    String serverKey)
    implements Serializable {}
