package org.postroom.web.sharedmailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.account.AccountService;
import org.postroom.service.sharedmailbox.NewListRequest;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/**
 * The staff form to request a distribution list: address, purpose, owners (the requester to begin
 * with), members by search and external addresses by typing or pasting, who may send, an end date.
 * The service decides.
 */
@Named
@ViewScoped
public class NewListRequestBacking extends NewAddressForm {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "domain", "list:domain",
          "localPart", "list:localPart",
          "purpose", "list:purpose",
          "owners", "list:owners",
          "members", "list:members",
          "externals", "list:externals",
          "endsOn", "list:endsOn");

  @Inject SharedMailboxRequestService requests;
  @Inject AccountService accounts;

  private final PeoplePicker people = new PeoplePicker();
  private List<String> owners = new ArrayList<>();
  private List<String> members = new ArrayList<>();
  private String externals;
  private SendPolicy sendPolicy = SendPolicy.MEMBERS;
  private LocalDate endsOn;

  @PostConstruct
  void init() {
    loadDomains(requests);
    // the requester owns the list to begin with (and is labelled like any person offered)
    String me = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    people.complete(accounts, me, List.of());
    owners.add(me);
  }

  public List<String> completeOwner(String query) {
    return people.complete(accounts, query, owners);
  }

  public List<String> completeMember(String query) {
    return people.complete(accounts, query, members);
  }

  public String label(String username) {
    return people.label(username);
  }

  public void submit() throws IOException {
    try {
      filed(
          requests.submitList(
              new NewListRequest(
                  getDomain(),
                  getLocalPart(),
                  getPurpose(),
                  owners,
                  members,
                  MailAddresses.splitPasted(externals),
                  sendPolicy,
                  endsOn)));
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public SendPolicy[] getSendPolicies() {
    return SendPolicy.values();
  }

  /** The first day an end date may be: tomorrow. */
  public LocalDate getMinEndsOn() {
    return LocalDate.now().plusDays(1);
  }

  public List<String> getOwners() {
    return owners;
  }

  public void setOwners(List<String> owners) {
    this.owners = owners == null ? new ArrayList<>() : new ArrayList<>(owners);
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
  }

  public String getExternals() {
    return externals;
  }

  public void setExternals(String externals) {
    this.externals = externals;
  }

  public SendPolicy getSendPolicy() {
    return sendPolicy;
  }

  public void setSendPolicy(SendPolicy sendPolicy) {
    this.sendPolicy = sendPolicy;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }
}
