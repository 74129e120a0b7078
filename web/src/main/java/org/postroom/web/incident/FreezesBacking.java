package org.postroom.web.incident;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.NoticeSeverity;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.incident.FreezeDraft;
import org.postroom.service.incident.FreezeService;
import org.postroom.service.incident.FrozenFeature;
import org.postroom.service.incident.NoticeDraft;
import org.postroom.service.maildomain.DomainService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;
import org.primefaces.model.LazyDataModel;

/**
 * Administrators freeze features in a domain (or in all) with a reason and an optional end, and
 * lift them; either may be announced as a service notice, written in every language the product
 * speaks from the feature names and the reason.
 */
@Named
@ViewScoped
public class FreezesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How long the notice that a feature works again stays up. */
  static final Duration LIFTED_NOTICE = Duration.ofDays(1);

  private static final Map<String, String> FIELDS =
      Map.of(
          "domain",
          "freeze:domain",
          "features",
          "freeze:features",
          "reason",
          "freeze:reason",
          "endsAt",
          "freeze:endsAt");

  @Inject FreezeService freezes;
  @Inject DomainService domainService;

  private String domain = "";
  private Feature[] features = new Feature[0];
  private String reason;
  private LocalDateTime endsAt;
  private boolean announce = true;
  private boolean announceLift = true;
  private List<String> domains;
  private List<FrozenFeature> running;
  private LazyDataModel<FrozenFeature> history;

  @PostConstruct
  void load() {
    domains = domainService.names();
    history =
        new TextSearchModel<>(
            text -> freezes.countHistory(),
            (text, first, pageSize) -> freezes.history(first, pageSize),
            freeze -> String.valueOf(freeze.id()));
  }

  public void freeze() {
    Set<Feature> chosen =
        features.length == 0 ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(List.of(features));
    Instant end = endsAt == null ? null : endsAt.atZone(ZoneId.systemDefault()).toInstant();
    try {
      freezes.freeze(
          new FreezeDraft(domain, chosen, reason, end),
          announce && !chosen.isEmpty()
              ? announcement(NoticeSeverity.WARNING, "freeze.notice.title", chosen, reason, end)
              : null);
      Messages.info("freeze.done", labels(chosen, locale()), domain.isEmpty() ? "" : domain);
      features = new Feature[0];
      reason = null;
      endsAt = null;
      running = null;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public void lift(FrozenFeature freeze) {
    try {
      freezes.lift(
          freeze.id(),
          announceLift
              ? announcement(
                  NoticeSeverity.INFORMATION,
                  "freeze.lifted.notice.title",
                  EnumSet.of(freeze.feature()),
                  null,
                  Instant.now().plus(LIFTED_NOTICE))
              : null);
      Messages.info("freeze.lifted", labels(EnumSet.of(freeze.feature()), locale()));
      running = null;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /**
   * A notice in every language the product speaks: the title names the features in that language;
   * the text is the administrator's reason as typed (Markdown is harmless there: it is sanitised).
   */
  private static NoticeDraft announcement(
      NoticeSeverity severity, String titleKey, Set<Feature> chosen, String why, Instant end) {
    Map<String, String> titles = new HashMap<>();
    Map<String, String> bodies = new HashMap<>();
    for (String language : MailDomain.LANGUAGES) {
      Locale locale = Locale.forLanguageTag(language);
      titles.put(language, Messages.format(locale, titleKey, labels(chosen, locale)));
      bodies.put(language, why == null ? "" : why.strip());
    }
    return new NoticeDraft(severity, null, end, false, Set.of(), chosen, titles, bodies);
  }

  private static String labels(Set<Feature> chosen, Locale locale) {
    return chosen.stream()
        .map(f -> Messages.format(locale, "feature." + f.name()))
        .collect(Collectors.joining(", "));
  }

  private static Locale locale() {
    return jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }

  public List<FrozenFeature> getRunning() {
    if (running == null) {
      running = freezes.running();
    }
    return running;
  }

  public LazyDataModel<FrozenFeature> getHistory() {
    return history;
  }

  public List<String> getDomains() {
    return domains;
  }

  public Feature[] getAllFeatures() {
    return Feature.values();
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain == null ? "" : domain;
  }

  public Feature[] getFeatures() {
    return features.clone();
  }

  public void setFeatures(Feature[] features) {
    this.features = features == null ? new Feature[0] : features.clone();
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public boolean isAnnounce() {
    return announce;
  }

  public void setAnnounce(boolean announce) {
    this.announce = announce;
  }

  public boolean isAnnounceLift() {
    return announceLift;
  }

  public void setAnnounceLift(boolean announceLift) {
    this.announceLift = announceLift;
  }
}
