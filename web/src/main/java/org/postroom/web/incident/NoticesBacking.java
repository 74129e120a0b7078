package org.postroom.web.incident;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.NoticeSeverity;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.incident.MailingProgress;
import org.postroom.service.incident.NoticeDraft;
import org.postroom.service.incident.NoticeMailings;
import org.postroom.service.incident.NoticeService;
import org.postroom.service.incident.ShownNotice;
import org.postroom.service.maildomain.DomainService;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;
import org.primefaces.model.LazyDataModel;

/**
 * Administrators publish service notices (severity, title and Markdown text per language, when, for
 * which domains and features) and end them; every notice stays in the list below the form.
 */
@Named
@ViewScoped
public class NoticesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS = fields();

  @Inject NoticeService notices;
  @Inject NoticeMailings mailings;
  @Inject DomainService domainService;
  @Inject LocaleBacking locale;

  private NoticeSeverity severity = NoticeSeverity.WARNING;
  private LocalDateTime startsAt;
  private LocalDateTime endsAt;
  private boolean allDomains = true;
  private List<String> domainNames = new ArrayList<>();
  private Feature[] features = new Feature[0];
  private Map<String, String> titles = new HashMap<>();
  private Map<String, String> bodies = new HashMap<>();
  private List<String> domains;
  private LazyDataModel<ShownNotice> rows;

  /** The latest mailing of each notice on the page shown, by notice id. */
  private Map<Long, MailingProgress> progress = new HashMap<>();

  @PostConstruct
  void load() {
    rows =
        new TextSearchModel<>(
            text -> notices.countAll(),
            (text, first, pageSize) -> {
              List<ShownNotice> page = notices.all(first, pageSize, locale.getLanguage());
              progress =
                  new HashMap<>(mailings.progress(page.stream().map(ShownNotice::id).toList()));
              return page;
            },
            notice -> String.valueOf(notice.id()));
    domains = domainService.names();
  }

  public void publish() {
    ZoneId zone = ZoneId.systemDefault();
    try {
      ShownNotice published =
          notices.publish(
              new NoticeDraft(
                  severity,
                  startsAt == null ? null : startsAt.atZone(zone).toInstant(),
                  endsAt == null ? null : endsAt.atZone(zone).toInstant(),
                  allDomains,
                  new HashSet<>(domainNames),
                  features.length == 0
                      ? EnumSet.noneOf(Feature.class)
                      : EnumSet.copyOf(List.of(features)),
                  present(titles),
                  present(bodies)));
      Messages.info("notices.published", published.title());
      // the form starts afresh for the next notice
      severity = NoticeSeverity.WARNING;
      titles.clear();
      bodies.clear();
      startsAt = null;
      endsAt = null;
      allDomains = true;
      domainNames = new ArrayList<>();
      features = new Feature[0];
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public void end(long id) {
    try {
      notices.end(id);
      Messages.info("notices.ended");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /** Mails a running notice to the people of its domains, in the background. */
  public void mail(long id) {
    try {
      mailings.run(mailings.start(id));
      Messages.info("notices.mailing.started");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /** Continues a mailing whose node died, after the last person it mailed. */
  public void continueMailing(long mailingId) {
    try {
      mailings.run(mailings.resume(mailingId));
      Messages.info("notices.mailing.continued");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /** The latest mailing of a notice on the page, or null. */
  public MailingProgress mailing(long noticeId) {
    return progress.get(noticeId);
  }

  /** Whether a mailing on the page is under way (the list then follows it). */
  public boolean isMailing() {
    return progress.values().stream().anyMatch(MailingProgress::running);
  }

  public boolean running(ShownNotice notice) {
    return notice.endsAt() == null || notice.endsAt().isAfter(Instant.now());
  }

  public List<String> getLanguages() {
    return MailDomain.LANGUAGES;
  }

  public NoticeSeverity[] getSeverities() {
    return NoticeSeverity.values();
  }

  public Feature[] getAllFeatures() {
    return Feature.values();
  }

  public List<String> getDomains() {
    return domains;
  }

  public LazyDataModel<ShownNotice> getRows() {
    return rows;
  }

  public NoticeSeverity getSeverity() {
    return severity;
  }

  public void setSeverity(NoticeSeverity severity) {
    this.severity = severity;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public boolean isAllDomains() {
    return allDomains;
  }

  public void setAllDomains(boolean allDomains) {
    this.allDomains = allDomains;
  }

  public List<String> getDomainNames() {
    return domainNames;
  }

  public void setDomainNames(List<String> domainNames) {
    this.domainNames = domainNames == null ? new ArrayList<>() : new ArrayList<>(domainNames);
  }

  public Feature[] getFeatures() {
    return features.clone();
  }

  public void setFeatures(Feature[] features) {
    this.features = features == null ? new Feature[0] : features.clone();
  }

  public Map<String, String> getTitles() {
    return titles;
  }

  public Map<String, String> getBodies() {
    return bodies;
  }

  /** The entries typed in (the form's maps hold null for a field left empty). */
  private static Map<String, String> present(Map<String, String> typed) {
    Map<String, String> present = new HashMap<>();
    typed.forEach(
        (language, text) -> {
          if (text != null) {
            present.put(language, text);
          }
        });
    return Map.copyOf(present);
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("severity", "notice:severity");
    fields.put("startsAt", "notice:startsAt");
    fields.put("endsAt", "notice:endsAt");
    fields.put("domains", "notice:domains");
    for (String language : MailDomain.LANGUAGES) {
      fields.put("title." + language, "notice:title_" + language);
      fields.put("body." + language, "notice:body_" + language);
    }
    return Map.copyOf(fields);
  }
}
