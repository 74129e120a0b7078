package org.postroom.web.incident;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.HelpTopic;
import org.postroom.service.incident.HelpTextService;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.common.Messages;

/**
 * A domain's help for an incident, public: each topic in the reader's language, the domain's own
 * text where an administrator wrote one, else the product's default. Without a domain (or with one
 * Postroom does not serve), the list of domains to choose from.
 */
@Named
@RequestScoped
public class IncidentHelpBacking {

  /** One topic as the page shows it: its title and its text in Markdown. */
  public record Section(HelpTopic topic, String title, String markdown, boolean own)
      implements Serializable {}

  @Inject HelpTextService help;
  @Inject LocaleBacking locale;

  private String domain;
  private List<Section> sections;
  private boolean unknown;

  public List<Section> getSections() {
    if (sections == null) {
      sections = read();
    }
    return sections;
  }

  private List<Section> read() {
    if (domain == null || domain.isBlank()) {
      return List.of();
    }
    Map<HelpTopic, String> own;
    try {
      own = help.texts(domain, locale.getLanguage());
    } catch (RuleViolationException notServed) {
      unknown = true;
      return List.of();
    }
    Locale reader = Locale.forLanguageTag(locale.getLanguage());
    List<Section> read = new ArrayList<>();
    for (HelpTopic topic : HelpTopic.on(page())) {
      String text = own.get(topic);
      read.add(
          new Section(
              topic,
              Messages.format(reader, "help.topic." + topic),
              text != null ? text : Messages.format(reader, "help.default." + topic),
              text != null));
    }
    return read;
  }

  /** The page whose topics this shows. */
  protected HelpTopic.Page page() {
    return HelpTopic.Page.INCIDENT;
  }

  public boolean isUnknown() {
    getSections();
    return unknown;
  }

  public List<String> getDomains() {
    return help.domains();
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }
}
