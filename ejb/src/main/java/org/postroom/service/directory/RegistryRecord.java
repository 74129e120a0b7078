package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.directory.PersonName;

/**
 * One person as the student/HR registry sends them: identified by {@code registryId}, with their
 * name, login name, home domain and affiliations; {@code closed} when the registry ends every
 * affiliation.
 */
public record RegistryRecord(
    String registryId,
    String givenNames,
    String initials,
    String infixes,
    String surname,
    String username,
    String domain,
    List<AffiliationPeriod> affiliations,
    boolean closed)
    implements Serializable {

  public RegistryRecord {
    affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
  }

  public PersonName name() {
    return new PersonName(givenNames, initials, infixes, surname);
  }
}
