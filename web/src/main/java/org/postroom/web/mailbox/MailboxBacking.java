package org.postroom.web.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.common.Sizes;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.mailbox.MyMailboxService;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;
import org.postroom.web.common.Messages;

/**
 * The person's own mailbox: its addresses and quota, and the forward and vacation reply they set on
 * it. Each form is saved on its own; a refused change shows its messages at the fields.
 */
@Named
@ViewScoped
public class MailboxBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FORWARD_FIELDS = Map.of("targets", "forward:targets");
  private static final Map<String, String> VACATION_FIELDS =
      Map.of(
          "subject", "vacation:subject",
          "body", "vacation:body",
          "endsOn", "vacation:endsOn",
          "intervalDays", "vacation:intervalDays");

  @Inject MyMailboxService mailboxes;
  @Inject ForwardingService forwarding;
  @Inject VacationService vacations;

  private MailboxOverview overview;

  private String targets;
  private boolean keepCopy = true;

  private String subject;
  private String body;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private Integer intervalDays = 7;
  private boolean previewing;

  @PostConstruct
  void init() {
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
    }
  }

  private void load() {
    overview = mailboxes.overview().orElse(null);
  }

  public void saveForward() {
    try {
      forwarding.set(targetList(), keepCopy);
      load();
      targets = String.join("\n", overview.forward().targets());
      Messages.info("mailbox.forward.saved");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FORWARD_FIELDS);
    }
  }

  public void removeForward() {
    try {
      forwarding.clear();
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
      vacations.set(new VacationForm(subject, body, startsOn, endsOn, intervalDays));
      load();
      previewing = false;
      Messages.info("mailbox.vacation.saved");
    } catch (RuleViolationException refused) {
      Messages.show(refused, VACATION_FIELDS);
    }
  }

  public void clearVacation() {
    try {
      vacations.clear();
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
