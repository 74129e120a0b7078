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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.HelpText;
import org.postroom.domain.incident.HelpTopic;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.client.ClientAutoconfig;

/**
 * A domain's public help (its guide, and what to do after an incident): its own texts per topic and
 * language, written by administrators; the pages show the product's default text where the domain
 * has none. Readable by anyone, before login too: people who cannot log in need it most.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class HelpTextService {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject ClientAutoconfig clients;

  /**
   * The domain's own texts in {@code language}, by topic (a topic it has not written is absent);
   * {@code help.domainNotFound} for a domain Postroom does not serve.
   */
  @PermitAll
  public Map<HelpTopic, String> texts(String domainName, String language) {
    Map<HelpTopic, String> texts = new EnumMap<>(HelpTopic.class);
    for (HelpText text :
        em.createQuery(
                "select t from HelpText t where t.domain = :domain and t.language = :language",
                HelpText.class)
            .setParameter("domain", domain(domainName))
            .setParameter("language", language)
            .getResultList()) {
      texts.put(text.getTopic(), text.getBody());
    }
    return texts;
  }

  /**
   * What the domain's public guide states of its servers and policies; {@code help.domainNotFound}
   * for a domain Postroom does not serve.
   */
  @PermitAll
  public DomainGuide guide(String domainName) {
    MailDomain domain = domain(domainName);
    MailboxPolicy policy = domain.getMailboxPolicy();
    return new DomainGuide(
        domain.getName(),
        domain.getDefaultLanguage(),
        clients.forDomain(domain.getName()).orElse(null),
        policy.getMaxMessageBytes(),
        policy.getStudentQuotaBytes(),
        policy.getStaffQuotaBytes(),
        policy.getQuotaWarningPercent(),
        policy.getForwardPolicy(),
        domain.getSharedMailboxPolicy().isRequestsEnabled(),
        domain.getAlumniDomain() == null ? null : domain.getAlumniDomain().getName());
  }

  /** The domains Postroom serves, for the help pages' list (their names are public: autoconfig). */
  @PermitAll
  public List<String> domains() {
    return em.createQuery("select d.name from MailDomain d order by d.name", String.class)
        .getResultList();
  }

  /** Every text of the domain, by topic and language, for the administrator's form. */
  public Map<HelpTopic, Map<String, String>> all(String domainName) {
    Map<HelpTopic, Map<String, String>> all = new EnumMap<>(HelpTopic.class);
    for (HelpText text :
        em.createQuery("select t from HelpText t where t.domain = :domain", HelpText.class)
            .setParameter("domain", domain(domainName))
            .getResultList()) {
      all.computeIfAbsent(text.getTopic(), t -> new HashMap<>())
          .put(text.getLanguage(), text.getBody());
    }
    return all;
  }

  /**
   * Saves the domain's texts: a text left empty goes back to the default. Every text is checked
   * first; nothing is saved when any is refused. Audited with the topics and languages changed.
   */
  public void save(String domainName, Map<HelpTopic, Map<String, String>> wanted) {
    MailDomain domain = domain(domainName);
    List<Violation> problems = new ArrayList<>();
    wanted.forEach(
        (topic, byLanguage) ->
            byLanguage.forEach(
                (language, body) -> {
                  if (!MailDomain.LANGUAGES.contains(language)) {
                    problems.add(Violation.of(null, "notice.language.unknown", language));
                  } else if (body != null) {
                    HelpText.check(topic + "." + language, body).ifPresent(problems::add);
                  }
                }));
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    Map<String, HelpText> existing = new HashMap<>();
    em.createQuery("select t from HelpText t where t.domain = :domain", HelpText.class)
        .setParameter("domain", domain)
        .getResultList()
        .forEach(t -> existing.put(t.getTopic() + "." + t.getLanguage(), t));
    Instant now = Instant.now();
    String admin = context.getCallerPrincipal().getName();
    List<String> changed = new ArrayList<>();
    wanted.forEach(
        (topic, byLanguage) ->
            byLanguage.forEach(
                (language, raw) -> {
                  String body = raw == null ? "" : raw.strip();
                  String key = topic + "." + language;
                  HelpText text = existing.get(key);
                  if (body.isEmpty()) {
                    if (text != null) {
                      em.remove(text);
                      changed.add(key + " (default)");
                    }
                  } else if (text == null) {
                    HelpText created = new HelpText(domain, topic, language);
                    created.write(body, admin, now);
                    em.persist(created);
                    changed.add(key);
                  } else if (!text.getBody().equals(body)) {
                    text.write(body, admin, now);
                    changed.add(key);
                  }
                }));
    if (!changed.isEmpty()) {
      audit.record(
          now,
          admin,
          AuditAction.HELP_TEXTS_SAVED,
          AuditSubject.MAIL_DOMAIN,
          domain.getId(),
          String.join(", ", changed));
    }
  }

  private MailDomain domain(String name) {
    return em.createQuery("select d from MailDomain d where d.name = :name", MailDomain.class)
        .setParameter("name", MailDomain.normalizeName(name == null ? "" : name))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("help.domainNotFound", String.valueOf(name)));
  }
}
