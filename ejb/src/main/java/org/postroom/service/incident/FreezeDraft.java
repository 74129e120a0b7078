package org.postroom.service.incident;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.postroom.domain.incident.Feature;

/**
 * Features an administrator is about to freeze: in the domain named, or in every domain when the
 * name is empty; until {@code endsAt}, or until lifted when it is null.
 */
public record FreezeDraft(String domainName, Set<Feature> features, String reason, Instant endsAt)
    implements Serializable {}
