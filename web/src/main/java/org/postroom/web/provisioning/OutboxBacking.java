package org.postroom.web.provisioning;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.ProvisioningChange;
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
  private TextSearchModel<ProvisioningChange> failed;
  private TextSearchModel<ProvisioningChange> pending;

  @PostConstruct
  void init() {
    ProvisioningService service = provisioning;
    failed = model(service, ChangeState.FAILED);
    pending = model(service, ChangeState.PENDING);
    summary = provisioning.summary();
  }

  private static TextSearchModel<ProvisioningChange> model(
      ProvisioningService service, ChangeState state) {
    return new TextSearchModel<>(
        text -> service.count(state),
        (text, first, size) -> service.changes(state, first, size),
        change -> String.valueOf(change.getId()));
  }

  public void retry(ProvisioningChange change) {
    decide(() -> provisioning.retry(change.getId(), change.getVersion()), "outbox.retried", change);
  }

  public void abandon(ProvisioningChange change) {
    decide(
        () -> provisioning.abandon(change.getId(), change.getVersion()),
        "outbox.abandoned",
        change);
  }

  private void decide(Runnable decision, String doneKey, ProvisioningChange change) {
    try {
      decision.run();
      Messages.info(doneKey, change.getMailboxAddress());
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
    summary = provisioning.summary();
  }

  public OutboxSummary getSummary() {
    return summary;
  }

  public TextSearchModel<ProvisioningChange> getFailed() {
    return failed;
  }

  public TextSearchModel<ProvisioningChange> getPending() {
    return pending;
  }
}
