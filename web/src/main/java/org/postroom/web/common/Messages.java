package org.postroom.web.common;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

/** Faces messages by key from the one UI bundle, in the view's language. */
public final class Messages {

  public static final String BUNDLE = "org.postroom.web.i18n.messages";

  private Messages() {}

  /** The text of a key in the view's language. */
  public static String text(String key, Object... args) {
    return format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, args);
  }

  /**
   * The text of a key in a language (also outside a Faces request, e.g. for the REST API); an
   * unknown key gives the generic error text, never the key.
   */
  public static String format(Locale locale, String key, Object... args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader());
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = bundle.getString("error.unexpected");
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  public static void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, key, args);
  }

  /** Something the reader has to act on, though nothing failed. */
  public static void warn(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_WARN, key, args);
  }

  public static void error(String clientId, String key, Object... args) {
    add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
  }

  /**
   * Shows every violation at its field (by the field → client id map), the rest at the top of the
   * page.
   */
  public static void show(RuleViolationException refused, Map<String, String> fieldClientIds) {
    for (Violation violation : refused.violations()) {
      String clientId = violation.field() == null ? null : fieldClientIds.get(violation.field());
      error(clientId, violation.key(), violation.args().toArray());
    }
    FacesContext.getCurrentInstance().validationFailed();
  }

  /** Keeps the messages across a redirect (post-redirect-get). */
  public static void keepForRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  private static void add(
      String clientId, FacesMessage.Severity severity, String key, Object... args) {
    String text = text(key, args);
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
