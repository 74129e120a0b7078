package org.postroom.service.settings;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postroom.service.filter.FilterEntry;

/**
 * A person's settings as a file they keep (JSON): restoring it sets each part as it is in the file.
 * No forward targets: mail stays in the mailbox; no vacation reply: none; no rules: none; no trash
 * choice: the domain's. The shared mailboxes are for reading only: membership is the helpdesk's.
 */
public record SettingsFile(
    String format,
    Instant exportedAt,
    String mailbox,
    Forward forward,
    Vacation vacation,
    List<FilterEntry> filterRules,
    String trash,
    List<String> sharedMailboxes)
    implements Serializable {

  /** What this version of Postroom writes and reads. */
  public static final String FORMAT = "postroom-settings/1";

  public record Forward(List<String> targets, boolean keepCopy) implements Serializable {

    boolean forwarding() {
      return targets != null && !targets.isEmpty();
    }
  }

  public record Vacation(
      String subject, String body, LocalDate startsOn, LocalDate endsOn, Integer intervalDays)
      implements Serializable {}

  /** The trash choice as the file says it: KEEP, REMOVE or DOMAIN. */
  public enum Trash {
    KEEP,
    REMOVE,
    DOMAIN;

    static Trash of(Boolean keep) {
      return keep == null ? DOMAIN : keep ? KEEP : REMOVE;
    }

    Boolean keep() {
      return this == DOMAIN ? null : this == KEEP;
    }
  }
}
