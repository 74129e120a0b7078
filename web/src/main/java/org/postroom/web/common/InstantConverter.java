package org.postroom.web.common;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Shows a moment as a date and time in the server's zone and the view's language (output only). */
@FacesConverter("instant")
public class InstantConverter implements Converter<Instant> {

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    throw new UnsupportedOperationException("instants are shown, not entered");
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    if (value == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(context.getViewRoot().getLocale())
        .withZone(ZoneId.systemDefault())
        .format(value);
  }
}
