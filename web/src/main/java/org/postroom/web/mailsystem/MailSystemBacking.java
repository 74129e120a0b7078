package org.postroom.web.mailsystem;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.service.provisioning.OutboxSummary;
import org.postroom.service.provisioning.ProvisioningService;
import org.postroom.service.provisioning.ReconcileService;
import org.postroom.web.common.Messages;

/** The administrator's mail-server page: its state, the outbox, and reconcile with its progress. */
@Named
@ViewScoped
public class MailSystemBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ProvisioningService provisioning;
  @Inject ReconcileService reconcile;

  private OutboxSummary summary;
  private ReconcileRun run;

  @PostConstruct
  void init() {
    summary = provisioning.summary();
    run = reconcile.latest().orElse(null);
  }

  /** Asks the mail server whether it answers now; the page itself never waits for it. */
  public void checkConnection() {
    summary = provisioning.summary().checked(provisioning.checkConnection());
  }

  public void startReconcile() {
    try {
      long id = reconcile.start();
      run = reconcile.find(id).orElse(null);
      Messages.info("mailServer.reconcile.started");
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  /** Polled while a run is going. */
  public void refresh() {
    if (run != null) {
      run = reconcile.find(run.getId()).orElse(null);
    }
  }

  public boolean isRunning() {
    return run != null && run.getState() == ReconcileRun.State.RUNNING;
  }

  public OutboxSummary getSummary() {
    return summary;
  }

  public ReconcileRun getRun() {
    return run;
  }
}
