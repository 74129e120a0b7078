package org.postroom.it;

import static org.postroom.it.Caller.as;

import java.util.List;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.security.CredentialService;

/** One person sent by the registry, as the admin's import would: for tests that need one. */
public record RegistryPerson(
    String registryId,
    String givenNames,
    String surname,
    String username,
    String domain,
    AffiliationPeriod affiliation) {

  public RegistryRecord record() {
    return new RegistryRecord(
        registryId, givenNames, null, null, surname, username, domain, List.of(affiliation), false);
  }

  /** Imports the person as the demo admin. */
  public ImportReport importAsAdmin(RegistryImportService imports, CredentialService credentials)
      throws Exception {
    return as(credentials, "admin", () -> imports.importRecords(List.of(record())));
  }
}
