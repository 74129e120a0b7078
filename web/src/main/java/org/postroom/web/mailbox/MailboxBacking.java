package org.postroom.web.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.mailbox.MyMailboxService;
import org.postroom.service.mailbox.TrashService;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/** The person's own mailbox. */
@Named
@ViewScoped
public class MailboxBacking extends MailboxSettingsBacking {

  private static final long serialVersionUID = 1L;

  @Inject MyMailboxService mailboxes;
  @Inject ForwardingService forwarding;
  @Inject VacationService vacations;
  @Inject TrashService trash;

  @PostConstruct
  void start() {
    init();
  }

  @Override
  protected MailboxOverview read() {
    return mailboxes.overview().orElse(null);
  }

  @Override
  protected void forward(List<String> targets, boolean keepCopy) {
    forwarding.set(targets, keepCopy);
  }

  @Override
  protected void stopForwarding() {
    forwarding.clear();
  }

  @Override
  protected void reply(VacationForm form) {
    vacations.set(form);
  }

  @Override
  protected void stopReplying() {
    vacations.clear();
  }

  @Override
  protected void keepDeleted(Boolean keep) {
    trash.keepDeleted(keep);
  }
}
