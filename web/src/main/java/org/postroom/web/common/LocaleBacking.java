package org.postroom.web.common;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.account.AccountService;

/**
 * The language of the pages: the one chosen in this session; else the browser's, when Postroom
 * speaks it; else the default language of the domain a public page is about; else, once signed in,
 * the person's own (their domain's default language, which their mails are written in too); else
 * English.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final List<String> SUPPORTED = MailDomain.LANGUAGES;

  /**
   * A request attribute: the language of the domain a page is about (its public help), used when
   * neither a choice nor the browser's language says.
   */
  public static final String PAGE_LANGUAGE = "postroom.pageLanguage";

  @Inject AccountService accounts;
  @Inject HttpServletRequest request;

  private String chosen;

  /** The signed-in person's own language, read once per session. */
  private String own;

  private String ownOf;

  public Locale getLocale() {
    return localeOr(FacesContext.getCurrentInstance().getExternalContext().getRequestLocale());
  }

  /** The language as above, with {@code requested} as the browser's (also outside Faces). */
  public Locale localeOr(Locale requested) {
    if (chosen != null) {
      return Locale.forLanguageTag(chosen);
    }
    String browser = supported(requested);
    if (browser != null) {
      return Locale.forLanguageTag(browser);
    }
    Object page = request.getAttribute(PAGE_LANGUAGE);
    if (page != null && SUPPORTED.contains(page.toString())) {
      return Locale.forLanguageTag(page.toString());
    }
    String signedIn = request.getRemoteUser();
    if (signedIn != null) {
      if (!signedIn.equals(ownOf)) {
        own = accounts.myLanguage();
        ownOf = signedIn;
      }
      if (SUPPORTED.contains(own)) {
        return Locale.forLanguageTag(own);
      }
    }
    return Locale.forLanguageTag(SUPPORTED.get(0));
  }

  /**
   * A browser's language when Postroom speaks it (Norwegian in any form is Bokmål here), else null.
   */
  static String supported(Locale requested) {
    String language = requested == null ? "" : requested.getLanguage();
    if (language.equals("no") || language.equals("nn")) {
      language = "nb";
    }
    return SUPPORTED.contains(language) ? language : null;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public List<String> getLanguages() {
    return SUPPORTED;
  }

  /** Chooses the pages' language for this session; anything but a supported one changes nothing. */
  public void choose(String language) {
    if (SUPPORTED.contains(language)) {
      this.chosen = language;
    }
  }
}
