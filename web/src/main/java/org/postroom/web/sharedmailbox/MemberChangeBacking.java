package org.postroom.web.sharedmailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.account.AccountService;
import org.postroom.service.sharedmailbox.MemberChangeRequest;
import org.postroom.service.sharedmailbox.RequestView;
import org.postroom.service.sharedmailbox.SharedMailboxMembers;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/**
 * A member of a shared mailbox asks the helpdesk to add people to it or take people off it. The
 * helpdesk's direct change on the account page stays theirs; this is the staff's way.
 */
@Named
@ViewScoped
public class MemberChangeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "add", "change:add",
          "remove", "change:remove",
          "purpose", "change:reason");

  @Inject SharedMailboxRequestService requests;
  @Inject AccountService accounts;

  private final PeoplePicker people = new PeoplePicker();
  private List<SharedMailboxMembers> mailboxes;
  private String mailbox;
  private List<String> add = new ArrayList<>();
  private List<String> remove = new ArrayList<>();
  private String reason;

  @PostConstruct
  void init() {
    mailboxes = requests.mySharedMailboxes();
    if (!mailboxes.isEmpty()) {
      mailbox = mailboxes.get(0).address();
    }
  }

  public List<String> complete(String query) {
    List<String> current = getMembers().stream().map(RequestView.Person::username).toList();
    return people.complete(accounts, query, current).stream()
        .filter(u -> !add.contains(u))
        .toList();
  }

  public String label(String username) {
    return people.label(username);
  }

  /** The chosen mailbox's members, to choose whom to take off. */
  public List<RequestView.Person> getMembers() {
    return mailboxes.stream()
        .filter(m -> m.address().equals(mailbox))
        .findFirst()
        .map(SharedMailboxMembers::members)
        .orElse(List.of());
  }

  public void chooseMailbox() {
    remove.clear();
  }

  public void submit() throws IOException {
    try {
      NewAddressForm.filed(
          requests.submitMemberChange(new MemberChangeRequest(mailbox, reason, add, remove)));
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public List<SharedMailboxMembers> getMailboxes() {
    return mailboxes;
  }

  public String getMailbox() {
    return mailbox;
  }

  public void setMailbox(String mailbox) {
    this.mailbox = mailbox;
  }

  public List<String> getAdd() {
    return add;
  }

  public void setAdd(List<String> add) {
    this.add = add == null ? new ArrayList<>() : new ArrayList<>(add);
  }

  public List<String> getRemove() {
    return remove;
  }

  public void setRemove(List<String> remove) {
    this.remove = remove == null ? new ArrayList<>() : new ArrayList<>(remove);
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
