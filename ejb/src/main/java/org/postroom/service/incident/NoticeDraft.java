package org.postroom.service.incident;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.NoticeSeverity;

/**
 * A notice an administrator is about to publish: titles and texts by language (a language left
 * empty is simply absent), the domains by name unless it is for all.
 */
public record NoticeDraft(
    NoticeSeverity severity,
    Instant startsAt,
    Instant endsAt,
    boolean allDomains,
    Set<String> domainNames,
    Set<Feature> features,
    Map<String, String> titles,
    Map<String, String> bodies)
    implements Serializable {}
