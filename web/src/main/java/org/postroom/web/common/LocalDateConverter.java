package org.postroom.web.common;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Shows a day in the view's language, e.g. "12 March 2027" (output only). */
@FacesConverter("localDate")
public class LocalDateConverter implements Converter<LocalDate> {

  @Override
  public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
    throw new UnsupportedOperationException("days are shown here, entered with a date picker");
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
    if (value == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(context.getViewRoot().getLocale())
        .format(value);
  }
}
