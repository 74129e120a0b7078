package org.postroom.service.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.FeatureFreeze;
import org.postroom.domain.incident.FeatureFrozenException;
import org.postroom.domain.maildomain.MailDomain;

/**
 * The check every change of a freezable feature makes first: one indexed query, so that a frozen
 * feature refuses the change before anything of it is done.
 */
@ApplicationScoped
public class Freezes {

  private static final String ACTIVE =
      "select f from FeatureFreeze f where f.feature = :feature and f.liftedAt is null"
          + " and (f.endsAt is null or f.endsAt > :now)";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /**
   * Refuses a change of {@code feature} in {@code domain} while it is frozen there (or in every
   * domain), with the freeze's reason; {@code domain} may be null for a change outside any domain.
   */
  public void refuse(Feature feature, MailDomain domain) {
    Optional<FeatureFreeze> freeze = active(feature, domain == null ? List.of() : List.of(domain));
    if (freeze.isPresent()) {
      throw refusal(freeze.get(), domain);
    }
  }

  /** Refuses a change of {@code feature} while it is frozen in any domain (the registry import). */
  public void refuseAnywhere(Feature feature) {
    Optional<FeatureFreeze> freeze = anywhere(feature);
    if (freeze.isPresent()) {
      throw refusal(freeze.get(), freeze.get().getDomain());
    }
  }

  /** The running freeze of {@code feature} that covers one of {@code domains}, if any. */
  public Optional<FeatureFreeze> active(Feature feature, Collection<MailDomain> domains) {
    // the freezes running for a domain are a handful: one query for all, then this feature's
    return activeIn(domains).stream().filter(f -> f.getFeature() == feature).findFirst();
  }

  /** The running freezes of any feature that cover one of {@code domains}, oldest first. */
  public List<FeatureFreeze> activeIn(Collection<MailDomain> domains) {
    List<MailDomain> known = domains.stream().filter(Objects::nonNull).toList();
    String which =
        known.isEmpty()
            ? " and f.domain is null"
            : " and (f.domain is null or f.domain in :domains)";
    var query =
        em.createQuery(
                "select f from FeatureFreeze f where f.liftedAt is null"
                    + " and (f.endsAt is null or f.endsAt > :now)"
                    + which
                    + " order by f.frozenAt",
                FeatureFreeze.class)
            .setParameter("now", Instant.now());
    if (!known.isEmpty()) {
      query.setParameter("domains", known);
    }
    return query.getResultList();
  }

  /** The running freeze of {@code feature} in any domain, if any. */
  public Optional<FeatureFreeze> anywhere(Feature feature) {
    return em.createQuery(ACTIVE + " order by f.frozenAt", FeatureFreeze.class)
        .setParameter("feature", feature)
        .setParameter("now", Instant.now())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private static FeatureFrozenException refusal(FeatureFreeze freeze, MailDomain domain) {
    MailDomain where = domain != null ? domain : freeze.getDomain();
    return new FeatureFrozenException(
        freeze.getFeature(),
        where == null ? "" : where.getName(),
        freeze.getReason(),
        freeze.getEndsAt());
  }
}
