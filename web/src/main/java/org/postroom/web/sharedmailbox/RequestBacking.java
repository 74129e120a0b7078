package org.postroom.web.sharedmailbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.sharedmailbox.RequestView;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/**
 * One request: its requester follows it and may cancel it while open; the helpdesk approves or
 * rejects it. Decisions carry the version the helpdesk member saw, so that a decision on an
 * outdated view is refused.
 */
@Named
@ViewScoped
public class RequestBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Map<String, String> FIELDS = Map.of("reason", "decision:reason");

  @Inject SharedMailboxRequestService requests;

  private Long id;
  private RequestView request;
  private String reason;

  /**
   * Loads the request named in the URL; an unknown or foreign one is a 404, as if it did not exist.
   */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (id == null) {
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
      return;
    }
    try {
      request = requests.find(id);
    } catch (RuleViolationException notVisible) {
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
    }
  }

  public void approve() {
    decide(
        () -> requests.approve(id, request.version()),
        switch (request.kind()) {
          case SHARED_MAILBOX -> "request.approved";
          case DISTRIBUTION_LIST -> "request.listApproved";
          case MEMBER_CHANGE -> "request.changeApproved";
          case LIST_EXTENSION -> "request.extensionApproved";
        });
  }

  public void reject() {
    decide(() -> requests.reject(id, request.version(), reason), "request.rejected");
  }

  public void cancel() {
    decide(() -> requests.cancel(id), "request.cancelled");
  }

  private void decide(Runnable decision, String doneKey) {
    try {
      decision.run();
      Messages.info(doneKey);
      reason = null;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
    request = requests.find(id);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public RequestView getRequest() {
    return request;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
