package org.postroom.domain.directory;

import java.io.Serializable;

/**
 * A person's name as the registry gives it: given names ("Jan Jaap"), initials ("J.J."; derived
 * from the given names when absent), name infixes (Dutch "tussenvoegsels" such as "van der", "de")
 * and the surname.
 */
public record PersonName(String givenNames, String initials, String infixes, String surname)
    implements Serializable {

  public PersonName {
    givenNames = blankToNull(givenNames);
    initials = blankToNull(initials);
    infixes = blankToNull(infixes);
    surname = blankToNull(surname);
  }

  /** "Jan Jaap de Groot": how the person is addressed in mails and lists. */
  public String displayName() {
    StringBuilder name = new StringBuilder();
    for (String part :
        new String[] {givenNames == null ? initials : givenNames, infixes, surname}) {
      if (part != null) {
        if (!name.isEmpty()) {
          name.append(' ');
        }
        name.append(part.strip());
      }
    }
    return name.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
