package org.postroom.web.common;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The language of the pages: chosen by the user, else the browser's, among the supported ones. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final List<String> SUPPORTED = List.of("en", "nl");

  private String language;

  public Locale getLocale() {
    if (language == null) {
      Locale browser = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
      language = SUPPORTED.contains(browser.getLanguage()) ? browser.getLanguage() : "en";
    }
    return Locale.forLanguageTag(language);
  }

  /** The chosen language, else the given one when supported, else English (outside Faces). */
  public Locale localeOr(Locale requested) {
    String chosen = language;
    if (chosen == null) {
      chosen = SUPPORTED.contains(requested.getLanguage()) ? requested.getLanguage() : "en";
    }
    return Locale.forLanguageTag(chosen);
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public List<String> getLanguages() {
    return SUPPORTED;
  }

  /** Chooses the pages' language; anything but a supported one changes nothing. */
  public void choose(String language) {
    if (SUPPORTED.contains(language)) {
      this.language = language;
    }
  }
}
