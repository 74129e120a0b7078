package org.postroom.service.help;

import java.io.Serializable;
import java.time.Instant;

/**
 * An open help request for the helpdesk, with the account it matched ({@code null} fields when it
 * matched none) and that account's recovery address (where a reset link would go).
 */
public record HelpRequestRow(
    long id,
    long version,
    String claimedIdentity,
    String contactAddress,
    String message,
    Instant createdAt,
    String username,
    String displayName,
    String recoveryAddress)
    implements Serializable {}
