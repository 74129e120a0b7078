package org.postroom.web.incident;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.incident.HelpTopic;
import org.postroom.service.common.Sizes;
import org.postroom.service.incident.DomainGuide;
import org.postroom.web.common.LocaleBacking;

/**
 * A domain's public guide, before login: how to set up a mail program (its servers from the same
 * data as autoconfiguration), what a forward means, storage, the largest message, shared mailboxes,
 * the alumni address and how to reach the helpdesk. Shown in the reader's language, else the
 * domain's default; the same for everyone, so shared caches may keep it a few minutes.
 */
@Named
@RequestScoped
public class GuideBacking extends IncidentHelpBacking {

  /** How long browsers and proxies may keep the page. */
  static final String CACHE = "public, max-age=300";

  private DomainGuide guide;
  private boolean read;

  @Override
  protected HelpTopic.Page page() {
    return HelpTopic.Page.GUIDE;
  }

  /** Before the page is built: its language falls back to the domain's, and it may be cached. */
  public void load() {
    DomainGuide found = getGuide();
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (found != null) {
      external.getRequestMap().put(LocaleBacking.PAGE_LANGUAGE, found.defaultLanguage());
    }
    if (external.getUserPrincipal() == null) {
      external.setResponseHeader("Cache-Control", CACHE);
      external.setResponseHeader("Vary", "Accept-Language, Cookie");
    }
  }

  public DomainGuide getGuide() {
    if (!read) {
      read = true;
      String domain = getDomain();
      if (domain != null && !domain.isBlank()) {
        try {
          guide = help.guide(domain);
        } catch (RuleViolationException notServed) {
          guide = null;
        }
      }
    }
    return guide;
  }

  /** A size as people read it, in the page's language (e.g. "5 GB"). */
  public String size(long bytes) {
    return Sizes.format(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }
}
