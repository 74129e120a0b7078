package org.postroom.web.incident;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.HelpTopic;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.incident.HelpTextService;
import org.postroom.web.common.Messages;

/**
 * Administrators write a domain's help for an incident: per topic and language, Markdown; a text
 * left empty shows the product's default (given as the field's placeholder).
 */
@Named
@ViewScoped
public class HelpTextsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject HelpTextService help;

  private String domain;
  private List<String> domains;

  /** The texts by "TOPIC.language", as the form's fields hold them. */
  private final Map<String, String> texts = new HashMap<>();

  /** Reads the domain's texts (the page's view action). */
  public void load() {
    domains = help.domains();
    if (domain == null || domain.isBlank()) {
      domain = domains.isEmpty() ? null : domains.get(0);
    }
    texts.clear();
    if (domain != null) {
      try {
        help.all(domain)
            .forEach(
                (topic, byLanguage) ->
                    byLanguage.forEach(
                        (language, body) -> texts.put(topic + "." + language, body)));
      } catch (RuleViolationException unknown) {
        Messages.show(unknown, Map.of());
        domain = null;
      }
    }
  }

  public void save() {
    Map<HelpTopic, Map<String, String>> wanted = new EnumMap<>(HelpTopic.class);
    for (HelpTopic topic : HelpTopic.values()) {
      Map<String, String> byLanguage = new HashMap<>();
      for (String language : MailDomain.LANGUAGES) {
        String body = texts.get(topic + "." + language);
        byLanguage.put(language, body == null ? "" : body);
      }
      wanted.put(topic, byLanguage);
    }
    try {
      help.save(domain, wanted);
      Messages.info("help.saved", domain);
    } catch (RuleViolationException refused) {
      Messages.show(refused, fields());
    }
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    for (HelpTopic topic : HelpTopic.values()) {
      for (String language : MailDomain.LANGUAGES) {
        fields.put(topic + "." + language, "help:text_" + topic + "_" + language);
      }
    }
    return fields;
  }

  /** The default text of a topic in a language, shown where the domain has none. */
  public String defaultText(HelpTopic topic, String language) {
    return Messages.format(Locale.forLanguageTag(language), "help.default." + topic);
  }

  public HelpTopic[] getTopics() {
    return HelpTopic.values();
  }

  public List<String> getLanguages() {
    return MailDomain.LANGUAGES;
  }

  public List<String> getDomains() {
    return domains;
  }

  public Map<String, String> getTexts() {
    return texts;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }
}
