package org.postroom.service.provisioning;

import java.io.Serializable;
import java.time.Instant;

/**
 * One mail server as the outbox sees it: its changes waiting and failed, and whether the outbox
 * reaches it ({@code unreachableSince} set while it does not).
 *
 * @param key the provisioning key ({@code default}: the settings POSTROOM_MAIL_*)
 */
public record ServerOutbox(
    String key,
    long pending,
    long failed,
    Instant unreachableSince,
    Instant reachedAt,
    String lastError)
    implements Serializable {}
