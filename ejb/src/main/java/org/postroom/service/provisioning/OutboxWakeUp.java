package org.postroom.service.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Wakes this node's worker when a change has committed, so that a change reaches the mail server in
 * moments rather than at the next tick. Only once it committed: a rolled-back change never existed.
 */
@ApplicationScoped
public class OutboxWakeUp {

  @Inject ProvisioningWorker worker;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProvisioningQueued queued) {
    worker.kick();
  }
}
