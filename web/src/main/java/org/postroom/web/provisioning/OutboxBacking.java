package org.postroom.web.provisioning;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.service.notification.QueuedMailRow;
import org.postroom.service.notification.QueuedMails;
import org.postroom.service.provisioning.OutboxRow;
import org.postroom.service.provisioning.OutboxSummary;
import org.postroom.service.provisioning.ProvisioningService;
import org.postroom.service.provisioning.ServerOutbox;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;

/**
 * The helpdesk's outbox page: what waits for the mail server, the failed changes to decide, and the
 * notifications the relay kept refusing.
 */
@Named
@ViewScoped
public class OutboxBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ProvisioningService provisioning;
  @Inject QueuedMails mails;

  private OutboxSummary summary;
  private List<ServerOutbox> servers;
  private TextSearchModel<OutboxRow> failed;
  private TextSearchModel<OutboxRow> pending;
  private TextSearchModel<QueuedMailRow> failedMails;

  @PostConstruct
  void init() {
    ProvisioningService service = provisioning;
    failed = model(service, ChangeState.FAILED);
    pending = model(service, ChangeState.PENDING);
    summary = provisioning.summary();
    servers = provisioning.servers();
    QueuedMails queued = mails;
    failedMails =
        new TextSearchModel<>(
            text -> queued.countFailed(),
            (text, first, size) -> queued.failed(first, size),
            mail -> String.valueOf(mail.id()));
  }

  private static TextSearchModel<OutboxRow> model(ProvisioningService service, ChangeState state) {
    return new TextSearchModel<>(
        text -> service.count(state),
        (text, first, size) -> service.changes(state, first, size),
        change -> String.valueOf(change.id()));
  }

  public void retry(OutboxRow change) {
    decide(() -> provisioning.retry(change.id(), change.version()), "outbox.retried", change);
  }

  public void abandon(OutboxRow change) {
    decide(() -> provisioning.abandon(change.id(), change.version()), "outbox.abandoned", change);
  }

  /** Sends a notification the relay kept refusing again. */
  public void retryMail(QueuedMailRow mail) {
    try {
      mails.retry(mail.id(), mail.version());
      Messages.info("outbox.mailRetried", mail.recipient());
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  private void decide(Runnable decision, String doneKey, OutboxRow change) {
    try {
      decision.run();
      Messages.info(doneKey, change.mailboxAddress());
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
    summary = provisioning.summary();
  }

  public OutboxSummary getSummary() {
    return summary;
  }

  public TextSearchModel<OutboxRow> getFailed() {
    return failed;
  }

  public TextSearchModel<QueuedMailRow> getFailedMails() {
    return failedMails;
  }

  public TextSearchModel<OutboxRow> getPending() {
    return pending;
  }

  /** The mail servers by provisioning key; the page lists them where there are several. */
  public List<ServerOutbox> getServers() {
    return servers;
  }
}
