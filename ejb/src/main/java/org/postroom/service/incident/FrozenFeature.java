package org.postroom.service.incident;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.FeatureFreeze;

/** A freeze as pages show it; {@code domain} is empty for every domain. */
public record FrozenFeature(
    long id,
    Feature feature,
    String domain,
    String reason,
    String frozenBy,
    Instant frozenAt,
    Instant endsAt,
    String liftedBy,
    Instant liftedAt,
    boolean active)
    implements Serializable {

  static FrozenFeature of(FeatureFreeze freeze, Instant now) {
    return new FrozenFeature(
        freeze.getId(),
        freeze.getFeature(),
        freeze.getDomain() == null ? "" : freeze.getDomain().getName(),
        freeze.getReason(),
        freeze.getFrozenBy(),
        freeze.getFrozenAt(),
        freeze.getEndsAt(),
        freeze.getLiftedBy(),
        freeze.getLiftedAt(),
        freeze.activeAt(now));
  }

  public boolean allDomains() {
    return domain.isEmpty();
  }
}
