package org.postroom.web.incident;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.incident.Feature;
import org.postroom.service.incident.FreezeService;
import org.postroom.service.incident.FrozenFeature;

/**
 * Which features are frozen for the page's reader or for the mailbox a page shows, by feature name
 * (for EL: {@code frozen.mine['FORWARDING']}); asked once per request. The services refuse the
 * changes themselves; this only lets the page say so before anyone types.
 */
@Named("frozen")
@RequestScoped
public class FrozenFeatures {

  private static final Logger LOG = Logger.getLogger(FrozenFeatures.class.getName());

  @Inject FreezeService freezes;

  private Map<String, FrozenFeature> mine;
  private final Map<String, Map<String, FrozenFeature>> byMailbox = new HashMap<>();
  private final Map<String, java.util.Optional<FrozenFeature>> anywhere = new HashMap<>();

  /** The features frozen in the reader's own domains. */
  public Map<String, FrozenFeature> getMine() {
    if (mine == null) {
      mine = byName(read(() -> freezes.forCaller()));
    }
    return mine;
  }

  /**
   * The features frozen in a mailbox's domain (the helpdesk's and domain administrators' pages).
   */
  public Map<String, FrozenFeature> forMailbox(String address) {
    return byMailbox.computeIfAbsent(
        String.valueOf(address), a -> byName(read(() -> freezes.forMailbox(a))));
  }

  /** The registry import's freeze in any domain, if any (the imports page). */
  public FrozenFeature anywhere(String feature) {
    return anywhere
        .computeIfAbsent(feature, f -> freezes.anywhere(Feature.valueOf(f)))
        .orElse(null);
  }

  private static Map<String, FrozenFeature> byName(Map<Feature, FrozenFeature> frozen) {
    Map<String, FrozenFeature> named = new HashMap<>();
    frozen.forEach((feature, freeze) -> named.put(feature.name(), freeze));
    return named;
  }

  /** A page stays usable when the question fails; the services still refuse frozen changes. */
  private static Map<Feature, FrozenFeature> read(
      java.util.function.Supplier<Map<Feature, FrozenFeature>> question) {
    try {
      return question.get();
    } catch (RuntimeException failed) {
      LOG.log(Level.WARNING, "Could not read the frozen features", failed);
      return Map.of();
    }
  }
}
