package org.postroom.service.maildomain;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.PagedSearch;

/**
 * The administrator's use cases for mail domains: list, read, create and change a domain's
 * policies. Every change is checked by the policies themselves, refused whole when any value is
 * wrong, refused when somebody else changed the domain meanwhile, and audited field by field.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DomainService {

  public static final AuditSubject SUBJECT = AuditSubject.MAIL_DOMAIN;
  public static final int MAX_PAGE_SIZE = 100;
  public static final int HISTORY_MAX = 50;

  private static final String FROM =
      " from MailDomain d where (:text is null or d.name like :contains escape '\\')";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject MailDomains domains;

  /** Domains whose name contains the text, by name, paged in the database. */
  public List<DomainRow> domains(String text, int first, int pageSize) {
    return search(text)
        .page(
            "select new org.postroom.service.maildomain.DomainRow(d.name, d.defaultLanguage,"
                + " d.mailboxPolicy.addressScheme,"
                + " (select count(m) from Mailbox m where m.domain = d))",
            DomainRow.class,
            " order by d.name",
            first,
            pageSize,
            MAX_PAGE_SIZE);
  }

  public long count(String text) {
    return search(text).count("d");
  }

  /** A domain's settings as they are now; an unknown name is {@code domain.notFound}. */
  public DomainSettings settings(String name) {
    return DomainSettings.of(domain(name));
  }

  /**
   * Creates a domain with these settings. The name must be a host name not served yet; the unique
   * index decides between two administrators creating the same domain at once.
   */
  public DomainSettings create(DomainSettings wanted) {
    List<Violation> nameViolations = MailDomain.checkName(wanted.getName());
    if (!nameViolations.isEmpty()) {
      throw new RuleViolationException(nameViolations);
    }
    String name = MailDomain.normalizeName(wanted.getName());
    if (find(name) != null) {
      throw new RuleViolationException(Violation.of("name", "domain.name.taken", name));
    }
    DomainSettings.Policies policies = wanted.policies();
    MailDomain domain =
        new MailDomain(
            name, wanted.getDefaultLanguage(), policies.mailboxes(), policies.sharedMailboxes());
    domain.offerAlumniAddressesIn(alumniDomain(wanted));
    domain.takeMailPasswordsFrom(wanted.getMailPasswords());
    em.persist(domain);
    Flush.orFail(em, Violation.of("name", "domain.name.taken", name));
    DomainSettings created = DomainSettings.of(domain);
    audit.record(
        Instant.now(),
        caller(),
        AuditAction.DOMAIN_CREATED,
        SUBJECT,
        domain.getId(),
        created.describe());
    return created;
  }

  /**
   * Changes a domain's language and policies to these settings, as the caller saw them ({@code
   * wanted.version}). Returns the settings now in force; unchanged settings write nothing.
   */
  public DomainSettings update(String name, DomainSettings wanted) {
    MailDomain domain = domain(name);
    em.lock(domain, LockModeType.OPTIMISTIC);
    if (wanted.getVersion() == null || wanted.getVersion() != domain.getVersion()) {
      throw new ConflictException("domain.concurrentChange");
    }
    DomainSettings before = DomainSettings.of(domain);
    DomainSettings.Policies policies = wanted.policies();
    wanted.setName(domain.getName());
    if (wanted.getMailPasswords() == null) {
      // a caller that does not know the setting leaves it as it is
      wanted.setMailPasswords(before.getMailPasswords());
    }
    String changes = wanted.changesSince(before);
    if (changes.isEmpty()) {
      return before;
    }
    domain.changeSettings(
        wanted.getDefaultLanguage(), policies.mailboxes(), policies.sharedMailboxes());
    domain.offerAlumniAddressesIn(alumniDomain(wanted));
    domain.takeMailPasswordsFrom(wanted.getMailPasswords());
    Flush.orFail(em, Violation.of(null, "domain.concurrentChange"));
    audit.record(
        Instant.now(), caller(), AuditAction.DOMAIN_CHANGED, SUBJECT, domain.getId(), changes);
    return DomainSettings.of(domain);
  }

  /** The latest changes of a domain, newest first. */
  public List<AuditEntry> history(String name) {
    return em.createQuery(
            "select e from AuditEntry e where e.subjectType = :type and e.subjectId = :id"
                + " order by e.occurredAt desc, e.id desc",
            AuditEntry.class)
        .setParameter("type", SUBJECT.stored())
        .setParameter("id", domain(name).getId())
        .setMaxResults(HISTORY_MAX)
        .getResultList();
  }

  /** The names of every domain, for choosing one (e.g. the alumni domain). */
  public List<String> names() {
    return em.createQuery("select d.name from MailDomain d order by d.name", String.class)
        .getResultList();
  }

  private MailDomain alumniDomain(DomainSettings wanted) {
    if (wanted.getAlumniDomain() == null) {
      return null;
    }
    MailDomain alumni = find(MailDomain.normalizeName(wanted.getAlumniDomain()));
    if (alumni == null) {
      throw new RuleViolationException(Violation.of("alumniDomain", "domain.alumni.invalid"));
    }
    return alumni;
  }

  private MailDomain domain(String name) {
    MailDomain domain = find(MailDomain.normalizeName(name));
    if (domain == null) {
      throw new NotFoundException("domain.notFound");
    }
    return domain;
  }

  private MailDomain find(String normalizedName) {
    return domains.byName(normalizedName).orElse(null);
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }

  private PagedSearch search(String text) {
    boolean all = text == null || text.isBlank();
    return new PagedSearch(
        em,
        FROM,
        query ->
            query
                .setParameter("text", all ? null : text)
                .setParameter("contains", all ? "%" : LikePattern.contains(text)));
  }
}
