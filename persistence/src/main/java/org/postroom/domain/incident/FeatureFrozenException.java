package org.postroom.domain.incident;

import java.time.Instant;
import java.util.Optional;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

/**
 * A change refused because an administrator froze its feature in its domain: the message names the
 * feature, the domain and the reason. 503 with {@code Retry-After} through the API (the freeze's
 * planned end, if any); on a page, the message beside the form.
 */
public class FeatureFrozenException extends RuleViolationException {

  private static final long serialVersionUID = 1L;

  private final Instant endsAt;

  public FeatureFrozenException(Feature feature, String domainName, String reason, Instant endsAt) {
    super(Violation.of(null, "freeze.refused." + feature.name(), domainName, reason));
    this.endsAt = endsAt;
  }

  /** When the freeze ends as planned; empty when it lasts until lifted. */
  public Optional<Instant> endsAt() {
    return Optional.ofNullable(endsAt);
  }
}
