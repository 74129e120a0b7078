package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Notification texts from the bundle {@code org.postroom.service.notification.mail}, in the
 * recipient's language (English when the bundle has no translation). A template {@code x} has
 * {@code x.subject} and {@code x.body}; arguments are inserted as data by {@link MessageFormat}.
 */
@ApplicationScoped
public class MailTemplates {

  static final String BUNDLE = "org.postroom.service.notification.mail";

  public OutgoingMail render(
      String template, Locale locale, String to, String toName, Object... args) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            MailTemplates.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String subject = MailHeaders.fold(format(bundle, template + ".subject", locale, args));
    String body =
        format(bundle, template + ".body", locale, args)
            + "\n\n-- \n"
            + bundle.getString("signature");
    return new OutgoingMail(to, MailHeaders.fold(toName), subject, body);
  }

  /** A moment as mails show it: date and time in the recipient's language, the server's zone. */
  public static String moment(Instant when, Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(ZoneId.systemDefault())
        .format(when);
  }

  private static String format(ResourceBundle bundle, String key, Locale locale, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
