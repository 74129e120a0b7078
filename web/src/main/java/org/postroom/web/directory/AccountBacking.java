package org.postroom.web.directory;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.client.MailboxPlacements;
import org.postroom.service.directory.AccountDetail;
import org.postroom.service.directory.DirectoryService;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.quota.QuotaService;
import org.postroom.service.sharedmailbox.SharedMailboxService;
import org.postroom.web.common.Messages;

/** One account for the helpdesk: affiliations, mailboxes and history. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;
  @Inject ForwardingService forwarding;
  @Inject QuotaService quotas;
  @Inject MailboxPlacements placementsOf;
  @Inject SharedMailboxService sharedMailboxes;

  private String username;
  private AccountDetail detail;
  private String forwardMailbox;
  private String forwardReason;
  private String quotaMailbox;
  private Long quotaMb;
  private String sharedAddress;
  private List<MailboxPlacements.Placement> placements = List.of();
  private final Map<String, String> placeOn = new java.util.HashMap<>();

  /** Loads the account named in the URL; an unknown one is a 404. */
  public void load() throws IOException {
    try {
      detail = directory.detail(username == null ? "" : username);
      loadPlacements();
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

  private void loadPlacements() {
    placements =
        detail == null
            ? List.of()
            : placementsOf.placements(
                detail.ownMailboxes().stream()
                    .filter(m -> m.getDeletionQueuedAt() == null)
                    .map(Mailbox::getAddress)
                    .toList());
    placeOn.clear();
    placements.forEach(p -> placeOn.put(p.address(), p.current()));
  }

  /** Gives the account access to the shared mailbox typed; the person is mailed. */
  public void giveMembership() {
    try {
      String address = sharedMailboxes.addMember(sharedAddress, username);
      Messages.info("account.membership.added", username, address);
      sharedAddress = null;
      detail = directory.detail(username);
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  /** Ends the account's access to a shared mailbox (after the confirm); the person is mailed. */
  public void endMembership(String address) {
    try {
      sharedMailboxes.removeMember(address, username);
      Messages.info("account.membership.removed", username, address);
      detail = directory.detail(username);
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  public String getSharedAddress() {
    return sharedAddress;
  }

  public void setSharedAddress(String sharedAddress) {
    this.sharedAddress = sharedAddress;
  }

  /** Records which of its domain's servers a mailbox lives on (hosting provider E). */
  public void place(String address) {
    try {
      MailboxPlacements.Move move = placementsOf.place(address, placeOn.get(address));
      Messages.info("account.server.placed", address, move.to());
      if (move.provisioned()) {
        Messages.warn(
            "account.server.moved",
            address,
            move.to(),
            move.from(),
            move.script() ? 1 : 0,
            move.shared() ? 1 : 0);
      }
      detail = directory.detail(username);
      loadPlacements();
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  public List<MailboxPlacements.Placement> getPlacements() {
    return placements;
  }

  public Map<String, String> getPlaceOn() {
    return placeOn;
  }

  /** The helpdesk sets another quota for one of the account's mailboxes (own or shared). */
  public void changeQuota() {
    try {
      quotas.change(quotaMailbox, quotaMb);
      Messages.info("account.quota.changed", quotaMailbox, quotaMb);
      detail = directory.detail(username);
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of("quotaMb", "quota:quotaMb"));
    }
  }

  /** The addresses of the account's mailboxes, own and shared. */
  public List<String> getMailboxAddresses() {
    return detail == null
        ? List.of()
        : Stream.concat(detail.ownMailboxes().stream(), detail.sharedMailboxes().stream())
            .filter(m -> m.getDeletionQueuedAt() == null)
            .map(Mailbox::getAddress)
            .toList();
  }

  public String getQuotaMailbox() {
    return quotaMailbox;
  }

  public void setQuotaMailbox(String quotaMailbox) {
    this.quotaMailbox = quotaMailbox;
  }

  public Long getQuotaMb() {
    return quotaMb;
  }

  public void setQuotaMb(Long quotaMb) {
    this.quotaMb = quotaMb;
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
