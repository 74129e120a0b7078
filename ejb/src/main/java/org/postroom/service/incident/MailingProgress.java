package org.postroom.service.incident;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.incident.NoticeMailing;

/** How far the latest mailing of a notice has come, as the administrator's list shows it. */
public record MailingProgress(
    long id, int total, int mailed, int withoutAddress, Instant finishedAt, boolean stalled)
    implements Serializable {

  static MailingProgress of(NoticeMailing mailing, Instant now) {
    return new MailingProgress(
        mailing.getId(),
        mailing.getTotal(),
        mailing.getMailed(),
        mailing.getWithoutAddress(),
        mailing.getFinishedAt(),
        mailing.isStalled(now));
  }

  public boolean running() {
    return finishedAt == null && !stalled;
  }

  /** People handled so far (mailed, or found without an address), in percent of all. */
  public int percent() {
    return total == 0 ? 100 : (int) Math.min(100, (mailed + withoutAddress) * 100L / total);
  }
}
