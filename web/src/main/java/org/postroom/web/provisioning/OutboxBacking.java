package org.postroom.web.provisioning;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.service.provisioning.OutboxRow;
import org.postroom.service.provisioning.OutboxSummary;
import org.postroom.service.provisioning.ProvisioningService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;

/** The helpdesk's outbox page: what waits for the mail server, and the failed changes to decide. */
@Named
@ViewScoped
public class OutboxBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ProvisioningService provisioning;

  private OutboxSummary summary;
  private TextSearchModel<OutboxRow> failed;
  private TextSearchModel<OutboxRow> pending;

  @PostConstruct
  void init() {
    ProvisioningService service = provisioning;
    failed = model(service, ChangeState.FAILED);
    pending = model(service, ChangeState.PENDING);
    summary = provisioning.summary();
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

  public TextSearchModel<OutboxRow> getPending() {
    return pending;
  }
}
