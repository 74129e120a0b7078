package org.postroom.web.mailbox;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.common.Sizes;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.vacation.VacationForm;
import org.postroom.web.common.Messages;

/**
 * A mailbox's page: its addresses and quota, and the forms of its forward and vacation reply. Each
 * form is saved on its own; a refused change shows its messages at the fields. Subclasses say whose
 * mailbox it is and which services change it.
 */
public abstract class MailboxSettingsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FORWARD_FIELDS = Map.of("targets", "forward:targets");
  private static final Map<String, String> VACATION_FIELDS =
      Map.of(
          "subject", "vacation:subject",
          "body", "vacation:body",
          "endsOn", "vacation:endsOn",
          "intervalDays", "vacation:intervalDays");

  private MailboxOverview overview;

  /** The mailbox as it is now; null when there is none to show. */
  protected abstract MailboxOverview read();

  protected abstract void forward(List<String> targets, boolean keepCopy);

  protected abstract void stopForwarding();

  protected abstract void reply(VacationForm form);

  protected abstract void stopReplying();

  /** Saves what deleting does (own mailbox only): true keep, false remove, null the domain's. */
  protected void keepDeleted(Boolean keep) {
    throw new UnsupportedOperationException("the trash is the owner's own setting");
  }

  private String trashChoice = "DOMAIN";

  private String targets;
  private boolean keepCopy = true;

  private String subject;
  private String body;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private Integer intervalDays = 7;
  private boolean previewing;

  /** Reads the mailbox and fills the forms with its settings. */
  protected void init() {
    load();
    if (overview != null) {
      targets = String.join("\n", overview.forward().targets());
      if (overview.forward().forwarding()) {
        keepCopy = overview.forward().keepCopy();
      }
      VacationForm reply = overview.vacation();
      if (reply != null) {
        subject = reply.subject();
        body = reply.body();
        startsOn = reply.startsOn();
        endsOn = reply.endsOn();
        intervalDays = reply.intervalDays();
      }
      Boolean keep = overview.trashChoice();
      trashChoice = keep == null ? "DOMAIN" : keep ? "KEEP" : "REMOVE";
    }
  }

  public void saveTrash() {
    try {
      keepDeleted(
          switch (trashChoice == null ? "DOMAIN" : trashChoice) {
            case "KEEP" -> Boolean.TRUE;
            case "REMOVE" -> Boolean.FALSE;
            default -> null;
          });
      load();
      Messages.info("mailbox.trash.saved");
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  public String getTrashChoice() {
    return trashChoice;
  }

  public void setTrashChoice(String trashChoice) {
    this.trashChoice = trashChoice;
  }

  private void load() {
    overview = read();
  }

  public void saveForward() {
    try {
      forward(targetList(), keepCopy);
      load();
      targets = String.join("\n", overview.forward().targets());
      Messages.info("mailbox.forward.saved");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FORWARD_FIELDS);
    }
  }

  public void removeForward() {
    try {
      stopForwarding();
      load();
      targets = "";
      Messages.info("mailbox.forward.removed");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FORWARD_FIELDS);
    }
  }

  /** One address per line, or separated by commas, semicolons or blanks. */
  private List<String> targetList() {
    return targets == null
        ? List.of()
        : Arrays.stream(targets.split("[\\s,;]+")).filter(t -> !t.isBlank()).toList();
  }

  public void saveVacation() {
    try {
      reply(new VacationForm(subject, body, startsOn, endsOn, intervalDays));
      load();
      previewing = false;
      Messages.info("mailbox.vacation.saved");
    } catch (RuleViolationException refused) {
      Messages.show(refused, VACATION_FIELDS);
    }
  }

  public void clearVacation() {
    try {
      stopReplying();
      load();
      subject = null;
      body = null;
      startsOn = null;
      endsOn = null;
      intervalDays = 7;
      previewing = false;
      Messages.info("mailbox.vacation.cleared");
    } catch (RuleViolationException refused) {
      Messages.show(refused, VACATION_FIELDS);
    }
  }

  public void preview() {
    previewing = true;
  }

  /** The subject as the reply carries it: the one entered, else Pigeonhole's default. */
  public String getPreviewSubject() {
    return subject == null || subject.isBlank() ? "" : subject.strip();
  }

  /** A size in MB or GB (decimal, as quotas are set), in the view's language. */
  public String size(Long bytes) {
    return bytes == null
        ? ""
        : Sizes.format(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  public MailboxOverview getOverview() {
    return overview;
  }

  public int getIntervalMin() {
    return VacationReply.INTERVAL_MIN;
  }

  public int getIntervalMax() {
    return VacationReply.INTERVAL_MAX;
  }

  public int getSubjectMax() {
    return VacationReply.SUBJECT_MAX;
  }

  public int getBodyMax() {
    return VacationReply.BODY_MAX;
  }

  public String getTargets() {
    return targets;
  }

  public void setTargets(String targets) {
    this.targets = targets;
  }

  public boolean isKeepCopy() {
    return keepCopy;
  }

  public void setKeepCopy(boolean keepCopy) {
    this.keepCopy = keepCopy;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public Integer getIntervalDays() {
    return intervalDays;
  }

  public void setIntervalDays(Integer intervalDays) {
    this.intervalDays = intervalDays;
  }

  public boolean isPreviewing() {
    return previewing;
  }
}
