package org.postroom.web.directory;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.directory.AccountDetail;
import org.postroom.service.directory.DirectoryService;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.web.common.Messages;

/** One account for the helpdesk: affiliations, mailboxes and history. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;
  @Inject ForwardingService forwarding;

  private String username;
  private AccountDetail detail;
  private String forwardMailbox;
  private String forwardReason;

  /** Loads the account named in the URL; an unknown one is a 404. */
  public void load() throws IOException {
    try {
      detail = directory.detail(username == null ? "" : username);
    } catch (RuleViolationException unknown) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
    }
  }

  /** The helpdesk removes a forward that disturbs mail traffic; the owner is mailed the reason. */
  public void removeForward() {
    try {
      forwarding.removeAsHelpdesk(forwardMailbox, forwardReason);
      Messages.info("account.forward.removed", forwardMailbox);
      forwardReason = null;
      detail = directory.detail(username);
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of("reason", "removeForward:reason"));
    }
  }

  public String targets(Mailbox mailbox) {
    return String.join(", ", mailbox.getForwardTargets());
  }

  /** Whether one of the account's own mailboxes forwards. */
  public boolean isForwarding() {
    return !getForwardingMailboxes().isEmpty();
  }

  public List<String> getForwardingMailboxes() {
    return detail == null
        ? List.of()
        : detail.ownMailboxes().stream()
            .filter(m -> !m.getForwardTargets().isEmpty())
            .map(Mailbox::getAddress)
            .toList();
  }

  public String getForwardMailbox() {
    return forwardMailbox;
  }

  public void setForwardMailbox(String forwardMailbox) {
    this.forwardMailbox = forwardMailbox;
  }

  public String getForwardReason() {
    return forwardReason;
  }

  public void setForwardReason(String forwardReason) {
    this.forwardReason = forwardReason;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public AccountDetail getDetail() {
    return detail;
  }
}
