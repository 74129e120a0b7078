package org.postroom.service.mailbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.service.forwarding.ForwardSetting;
import org.postroom.service.vacation.VacationForm;

/**
 * A person's own mailbox as its page shows it: addresses, quota use as the mail server last
 * reported it (null while never read), and the settings the person makes on it.
 *
 * @param ownerName the owner's display name, for a domain administrator's view
 * @param settingsByDomainAdmin forwards and vacation replies are set by the domain administrator
 * @param vacation the vacation reply, null when none is set
 * @param trashChoice the mailbox's own choice whether deleted mail stays in the trash; null: the
 *     domain's ({@code domainTrashKeepsDeleted})
 * @param filterRules how many filter rules the mailbox has, how many of them on
 * @param scriptDelivery where the latest change of its vacation reply and filter rules stands on
 *     the mail server; null when there was none
 */
public record MailboxOverview(
    String address,
    String ownerName,
    List<String> aliases,
    long quotaBytes,
    Long usedBytes,
    Instant usedReadAt,
    int warningPercent,
    ForwardPolicy forwardPolicy,
    boolean forwardAllowed,
    boolean settingsByDomainAdmin,
    ForwardSetting forward,
    VacationForm vacation,
    Boolean trashChoice,
    boolean domainTrashKeepsDeleted,
    long filterRules,
    long filterRulesOn,
    ScriptDelivery scriptDelivery)
    implements Serializable {

  public MailboxOverview {
    aliases = List.copyOf(aliases);
  }

  public String aliasesText() {
    return String.join(", ", aliases);
  }

  /** Percent of the quota used, 0–999; null while never read. */
  public Integer usedPercent() {
    return usedBytes == null || quotaBytes == 0
        ? null
        : (int) Math.min(999, usedBytes * 100 / quotaBytes);
  }

  /** Past the domain's warning threshold: the page advises to clean up. */
  public boolean nearlyFull() {
    Integer percent = usedPercent();
    return percent != null && percent >= warningPercent;
  }

  /** Whether deleted mail stays in the trash, by the mailbox's choice or else the domain's. */
  public boolean trashKeepsDeleted() {
    return trashChoice != null ? trashChoice : domainTrashKeepsDeleted;
  }

  /** Whether the person may change forward and vacation reply themselves. */
  public boolean selfService() {
    return !settingsByDomainAdmin;
  }
}
