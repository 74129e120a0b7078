package org.postroom.service.directory;

import java.io.Serializable;

/**
 * One data line of a registry file: its number in the file (the header is line 1) and the record it
 * holds, or why it could not be read ({@code unreadable}, a rejected outcome).
 */
public record ImportLine(int number, RegistryRecord record, Outcome unreadable)
    implements Serializable {

  static ImportLine of(int number, RegistryRecord record) {
    return new ImportLine(number, record, null);
  }

  static ImportLine unreadable(int number, String registryId, Outcome why) {
    return new ImportLine(
        number,
        new RegistryRecord(registryId, null, null, null, null, null, null, null, false),
        why);
  }

  /** The same line, rejected for a reason found later. */
  ImportLine rejectedAs(Outcome why) {
    return new ImportLine(number, record, why);
  }

  String registryId() {
    return record == null ? null : record.registryId();
  }
}
