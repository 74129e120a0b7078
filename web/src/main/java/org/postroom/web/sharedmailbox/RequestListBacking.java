package org.postroom.web.sharedmailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/** The two request tables: the requester's own ("My requests") and the helpdesk queue. */
@Named
@ViewScoped
public class RequestListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SharedMailboxRequestService requests;

  private RequestLazyModel mine;
  private RequestLazyModel queue;

  @PostConstruct
  void init() {
    SharedMailboxRequestService service = requests;
    mine = new RequestLazyModel(service::mine, service::countMine);
    queue = new RequestLazyModel(service::queue, service::countQueue);
  }

  public RequestLazyModel getMine() {
    return mine;
  }

  public RequestLazyModel getQueue() {
    return queue;
  }

  public RequestState[] getStates() {
    return RequestState.values();
  }

  public RequestKind[] getKinds() {
    return RequestKind.values();
  }
}
