package org.postroom.service.incident;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.NoticeDismissal;
import org.postroom.domain.incident.NoticeSeverity;
import org.postroom.domain.incident.NoticeText;
import org.postroom.domain.incident.ServiceNotice;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.Accounts;
import org.postroom.service.audit.AuditLog;

/**
 * Service notices: administrators publish and end them; every page shows the running ones that
 * concern its reader (before login: those for all domains, and every outage; after it, those for
 * the domains of the person's account and mailboxes); a person may hide a notice for themselves
 * unless it reports an outage; the notices page lists them with their history.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class NoticeService {

  /** The most notices a page shows at once; an institution runs a handful. */
  public static final int SHOWN_MAX = 10;

  public static final int PAGE_MAX = 100;

  private static final Logger LOG = Logger.getLogger(NoticeService.class.getName());

  private static final String RUNNING =
      " n.startsAt <= :now and (n.endsAt is null or n.endsAt > :now)";

  private static final String CONCERNS_DOMAIN =
      " (n.allDomains = true or exists (select d from ServiceNotice m join m.domains d"
          + " where m = n and d.id in :domains))";

  private static final String CONCERNS_ANYONE = " (n.allDomains = true or n.severity = :outage)";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AuditLog audit;

  /**
   * Publishes a notice after checking it like the form does; nothing is stored if any part is
   * refused.
   */
  public ShownNotice publish(NoticeDraft draft) {
    Instant now = Instant.now();
    Map<String, NoticeText> texts = new LinkedHashMap<>();
    for (String language : MailDomain.LANGUAGES) {
      String title = blankToNull(draft.titles().get(language));
      String body = blankToNull(draft.bodies().get(language));
      if (title != null || body != null) {
        texts.put(language, new NoticeText(title, body == null ? "" : body.strip()));
      }
    }
    Set<MailDomain> domains = new HashSet<>();
    if (!draft.allDomains()) {
      for (String name : draft.domainNames()) {
        domains.add(
            em.createQuery("select d from MailDomain d where d.name = :name", MailDomain.class)
                .setParameter("name", MailDomain.normalizeName(name))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> RuleViolationException.of("notice.domains.unknown", name)));
      }
    }
    String admin = context.getCallerPrincipal().getName();
    ServiceNotice notice =
        new ServiceNotice(
            draft.severity(),
            draft.startsAt() == null ? now : draft.startsAt(),
            draft.endsAt(),
            draft.allDomains(),
            domains,
            draft.features() == null ? EnumSet.noneOf(Feature.class) : draft.features(),
            texts,
            admin,
            now);
    em.persist(notice);
    em.flush();
    audit.record(
        now,
        admin,
        AuditAction.NOTICE_PUBLISHED,
        AuditSubject.SERVICE_NOTICE,
        notice.getId(),
        notice.getSeverity() + ": " + notice.textIn(MailDomain.LANGUAGES.get(0)).getTitle());
    LOG.info(() -> "Notice " + notice.getId() + " published by " + admin);
    return ShownNotice.of(notice, MailDomain.LANGUAGES.get(0), false);
  }

  /** Ends a running or coming notice now; it stays in the history. */
  public void end(long id) {
    ServiceNotice notice = find(id);
    Instant now = Instant.now();
    String admin = context.getCallerPrincipal().getName();
    notice.end(admin, now);
    audit.record(
        now,
        admin,
        AuditAction.NOTICE_ENDED,
        AuditSubject.SERVICE_NOTICE,
        id,
        notice.textIn(MailDomain.LANGUAGES.get(0)).getTitle());
  }

  /** Ends a notice unless it has ended already (a freeze's notice when the freeze is lifted). */
  public void endIfRunning(long id) {
    ServiceNotice notice = find(id);
    if (notice.activeAt(Instant.now()) || notice.getStartsAt().isAfter(Instant.now())) {
      end(id);
    }
  }

  /** Every notice, newest first, one page of them (the administrator's history). */
  public List<ShownNotice> all(int first, int max, String language) {
    return em.createQuery(
            "select n from ServiceNotice n order by n.startsAt desc, n.id desc",
            ServiceNotice.class)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(max, PAGE_MAX))
        .getResultStream()
        .map(n -> ShownNotice.of(n, language, false))
        .toList();
  }

  public long countAll() {
    return em.createQuery("select count(n) from ServiceNotice n", Long.class).getSingleResult();
  }

  /**
   * The notices running now that concern the caller, outages first: before login those for all
   * domains and every outage; after it, those for the person's domain that they have not hidden.
   */
  @PermitAll
  public List<ShownNotice> running(String language) {
    Instant now = Instant.now();
    Optional<Account> caller = caller();
    List<ServiceNotice> notices;
    if (caller.isEmpty()) {
      notices =
          em.createQuery(
                  "select n from ServiceNotice n where" + RUNNING + " and" + CONCERNS_ANYONE,
                  ServiceNotice.class)
              .setParameter("now", now)
              .setParameter("outage", NoticeSeverity.OUTAGE)
              .setMaxResults(SHOWN_MAX)
              .getResultList();
    } else {
      notices =
          em.createQuery(
                  "select n from ServiceNotice n where"
                      + RUNNING
                      + " and"
                      + CONCERNS_DOMAIN
                      + " and (n.severity = :outage or not exists (select x from NoticeDismissal x"
                      + " where x.key.noticeId = n.id and x.key.accountId = :account))",
                  ServiceNotice.class)
              .setParameter("now", now)
              .setParameter("domains", domainsOf(caller.get()))
              .setParameter("outage", NoticeSeverity.OUTAGE)
              .setParameter("account", caller.get().getId())
              .setMaxResults(SHOWN_MAX)
              .getResultList();
    }
    boolean signedIn = caller.isPresent();
    return notices.stream()
        .sorted(
            Comparator.comparing(ServiceNotice::getSeverity)
                .reversed()
                .thenComparing(ServiceNotice::getStartsAt, Comparator.reverseOrder()))
        .map(n -> ShownNotice.of(n, language, signedIn && n.getSeverity().dismissible()))
        .toList();
  }

  /**
   * The notices that concern the caller, running and past, newest first, one page of them (the
   * notices page: before login those for all domains and every outage).
   */
  @PermitAll
  public List<ShownNotice> history(int first, int max, String language) {
    Optional<Account> caller = caller();
    return concerning(caller, ServiceNotice.class, "select n")
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(max, PAGE_MAX))
        .getResultStream()
        .map(n -> ShownNotice.of(n, language, false))
        .toList();
  }

  @PermitAll
  public long countHistory() {
    return concerning(caller(), Long.class, "select count(n)").getSingleResult();
  }

  /** Hides a notice for the caller; an outage cannot be hidden. Hiding twice is harmless. */
  @RolesAllowed(Roles.USER)
  public void dismiss(long id) {
    ServiceNotice notice = find(id);
    if (!notice.getSeverity().dismissible()) {
      throw RuleViolationException.of("notice.outage.notDismissible");
    }
    Account caller = accounts.of(context.getCallerPrincipal());
    if (em.find(NoticeDismissal.class, new NoticeDismissal.Key(id, caller.getId())) == null) {
      em.persist(new NoticeDismissal(id, caller.getId(), Instant.now()));
    }
  }

  private <T> jakarta.persistence.TypedQuery<T> concerning(
      Optional<Account> caller, Class<T> type, String select) {
    boolean count = type == Long.class;
    String order = count ? "" : " order by n.startsAt desc, n.id desc";
    if (caller.isEmpty()) {
      return em.createQuery(
              select
                  + " from ServiceNotice n where n.startsAt <= :now and"
                  + CONCERNS_ANYONE
                  + order,
              type)
          .setParameter("now", Instant.now())
          .setParameter("outage", NoticeSeverity.OUTAGE);
    }
    return em.createQuery(
            select + " from ServiceNotice n where n.startsAt <= :now and" + CONCERNS_DOMAIN + order,
            type)
        .setParameter("now", Instant.now())
        .setParameter("domains", domainsOf(caller.get()));
  }

  /**
   * The domains a person belongs to: their account's and those of the mailboxes they own (an
   * account may have no domain of its own); never empty, for the query's sake.
   */
  private List<Long> domainsOf(Account account) {
    Set<Long> ids =
        new HashSet<>(
            em.createQuery(
                    "select distinct m.domain.id from Mailbox m where m.owner = :owner", Long.class)
                .setParameter("owner", account)
                .getResultList());
    if (account.getDomain() != null) {
      ids.add(account.getDomain().getId());
    }
    if (ids.isEmpty()) {
      ids.add(-1L);
    }
    return List.copyOf(ids);
  }

  private Optional<Account> caller() {
    String name = context.getCallerPrincipal().getName();
    if (name == null || "anonymous".equals(name)) {
      return Optional.empty();
    }
    return accounts.byUsername(name);
  }

  private ServiceNotice find(long id) {
    ServiceNotice notice = em.find(ServiceNotice.class, id);
    if (notice == null) {
      throw RuleViolationException.of("notice.unknown");
    }
    return notice;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
