package org.postroom.service.incident;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.FeatureFreeze;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;

/**
 * Frozen features: an administrator freezes features in a domain (or in all) with a reason and an
 * optional end, optionally announcing it as a notice, and lifts them again, optionally announcing
 * that too; both audited. Pages ask which of their features are frozen for their reader; the
 * services refuse the changes themselves ({@link Freezes}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class FreezeService {

  public static final int PAGE_MAX = 100;

  private static final Logger LOG = Logger.getLogger(FreezeService.class.getName());

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AuditLog audit;
  @Inject Freezes freezes;
  @Inject NoticeService notices;

  /**
   * Freezes each feature of the draft, refused whole when any part is wrong or a feature is frozen
   * there already; {@code announcement}, if given, is published as a notice for the same domains,
   * features and end, and ends when the last of these freezes is lifted.
   */
  public List<FrozenFeature> freeze(FreezeDraft draft, NoticeDraft announcement) {
    Instant now = Instant.now();
    MailDomain domain = domain(draft.domainName());
    Set<Feature> features = draft.features() == null ? Set.of() : draft.features();
    List<Violation> problems = new ArrayList<>();
    if (features.isEmpty()) {
      problems.add(Violation.of("features", "freeze.features.required"));
    }
    FeatureFreeze.check(
            features.isEmpty() ? null : features.iterator().next(),
            draft.reason(),
            draft.endsAt(),
            now)
        .stream()
        .filter(v -> !"features".equals(v.field()))
        .forEach(problems::add);
    for (Feature feature : features) {
      Optional<FeatureFreeze> running =
          domain == null ? freezes.anywhere(feature) : freezes.active(feature, List.of(domain));
      if (running.isPresent()) {
        problems.add(
            Violation.of(
                "features",
                "freeze.already",
                running.get().getDomain() == null ? "" : running.get().getDomain().getName()));
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    String admin = context.getCallerPrincipal().getName();
    Long noticeId =
        announcement == null
            ? null
            : notices
                .publish(
                    new NoticeDraft(
                        announcement.severity(),
                        null,
                        draft.endsAt(),
                        domain == null,
                        domain == null ? Set.of() : Set.of(domain.getName()),
                        EnumSet.copyOf(features),
                        announcement.titles(),
                        announcement.bodies()))
                .id();
    List<FrozenFeature> frozen = new ArrayList<>();
    for (Feature feature : EnumSet.copyOf(features)) {
      FeatureFreeze freeze =
          new FeatureFreeze(domain, feature, draft.reason(), draft.endsAt(), admin, now);
      freeze.announcedBy(noticeId);
      em.persist(freeze);
      em.flush();
      audit.record(
          now,
          admin,
          AuditAction.FEATURE_FROZEN,
          AuditSubject.FEATURE_FREEZE,
          freeze.getId(),
          feature
              + " in "
              + (domain == null ? "all domains" : domain.getName())
              + (draft.endsAt() == null ? "" : " until " + draft.endsAt())
              + ": "
              + freeze.getReason());
      frozen.add(FrozenFeature.of(freeze, now));
    }
    LOG.info(
        () ->
            admin
                + " froze "
                + features
                + " in "
                + (domain == null ? "all domains" : domain.getName()));
    return frozen;
  }

  /**
   * Lifts a freeze now (audited); the notice published with it ends once none of its freezes runs
   * any more; {@code announcement}, if given, is published as a notice for the same domain and
   * feature.
   */
  public FrozenFeature lift(long id, NoticeDraft announcement) {
    FeatureFreeze freeze = em.find(FeatureFreeze.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (freeze == null) {
      throw RuleViolationException.of("freeze.unknown");
    }
    Instant now = Instant.now();
    String admin = context.getCallerPrincipal().getName();
    freeze.lift(admin, now);
    audit.record(
        now,
        admin,
        AuditAction.FEATURE_UNFROZEN,
        AuditSubject.FEATURE_FREEZE,
        id,
        freeze.getFeature()
            + " in "
            + (freeze.getDomain() == null ? "all domains" : freeze.getDomain().getName()));
    if (freeze.getNoticeId() != null && !stillRunning(freeze.getNoticeId(), now)) {
      notices.endIfRunning(freeze.getNoticeId());
    }
    if (announcement != null) {
      notices.publish(
          new NoticeDraft(
              announcement.severity(),
              null,
              announcement.endsAt(),
              freeze.getDomain() == null,
              freeze.getDomain() == null ? Set.of() : Set.of(freeze.getDomain().getName()),
              EnumSet.of(freeze.getFeature()),
              announcement.titles(),
              announcement.bodies()));
    }
    return FrozenFeature.of(freeze, now);
  }

  private boolean stillRunning(long noticeId, Instant now) {
    return em.createQuery(
                "select count(f) from FeatureFreeze f where f.noticeId = :notice"
                    + " and f.liftedAt is null and (f.endsAt is null or f.endsAt > :now)",
                Long.class)
            .setParameter("notice", noticeId)
            .setParameter("now", now)
            .getSingleResult()
        > 0;
  }

  /** The freezes running now, by domain (every domain first) and feature. */
  public List<FrozenFeature> running() {
    Instant now = Instant.now();
    return em.createQuery(
            "select f from FeatureFreeze f left join fetch f.domain where f.liftedAt is null"
                + " and (f.endsAt is null or f.endsAt > :now)",
            FeatureFreeze.class)
        .setParameter("now", now)
        .getResultStream()
        .map(f -> FrozenFeature.of(f, now))
        // a handful at most: sorted here
        .sorted(Comparator.comparing(FrozenFeature::domain).thenComparing(FrozenFeature::feature))
        .toList();
  }

  /** Every freeze, newest first, one page of them. */
  public List<FrozenFeature> history(int first, int max) {
    Instant now = Instant.now();
    return em.createQuery(
            "select f from FeatureFreeze f left join fetch f.domain"
                + " order by f.frozenAt desc, f.id desc",
            FeatureFreeze.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(max, PAGE_MAX))
        .getResultStream()
        .map(f -> FrozenFeature.of(f, now))
        .toList();
  }

  public long countHistory() {
    return em.createQuery("select count(f) from FeatureFreeze f", Long.class).getSingleResult();
  }

  /**
   * The caller's features frozen now, for their pages: those frozen in the domain of their own
   * mailbox or account, or in every domain.
   */
  @RolesAllowed(Roles.USER)
  public Map<Feature, FrozenFeature> forCaller() {
    Account caller = accounts.of(context.getCallerPrincipal());
    Set<MailDomain> domains =
        new HashSet<>(
            em.createQuery(
                    "select m.domain from Mailbox m where m.owner = :owner"
                        + " and m.deletionQueuedAt is null",
                    MailDomain.class)
                .setParameter("owner", caller)
                .getResultList());
    if (caller.getDomain() != null) {
      domains.add(caller.getDomain());
    }
    return frozenIn(domains);
  }

  /** The features frozen now for a mailbox, for the helpdesk's and domain administrators' pages. */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN, Roles.DOMAIN_ADMIN})
  public Map<Feature, FrozenFeature> forMailbox(String address) {
    return em.createQuery("select m.domain from Mailbox m where m.address = :a", MailDomain.class)
        .setParameter("a", address)
        .getResultStream()
        .findFirst()
        .map(d -> frozenIn(Set.of(d)))
        .orElseGet(() -> frozenIn(Set.of()));
  }

  /** The freeze of {@code feature} in any domain, for pages that act across domains. */
  @RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
  public Optional<FrozenFeature> anywhere(Feature feature) {
    return freezes.anywhere(feature).map(f -> FrozenFeature.of(f, Instant.now()));
  }

  private Map<Feature, FrozenFeature> frozenIn(Set<MailDomain> domains) {
    Instant now = Instant.now();
    Map<Feature, FrozenFeature> frozen = new EnumMap<>(Feature.class);
    for (FeatureFreeze freeze : freezes.activeIn(domains)) {
      frozen.putIfAbsent(freeze.getFeature(), FrozenFeature.of(freeze, now));
    }
    return frozen;
  }

  private MailDomain domain(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return em.createQuery("select d from MailDomain d where d.name = :name", MailDomain.class)
        .setParameter("name", MailDomain.normalizeName(name))
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolationException(Violation.of("domain", "freeze.domain.unknown", name)));
  }
}
