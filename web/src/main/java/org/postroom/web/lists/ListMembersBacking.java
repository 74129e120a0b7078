package org.postroom.web.lists;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.address.ListMember;
import org.postroom.service.address.ListOwners;
import org.postroom.service.address.OwnedList;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;
import org.postroom.web.sharedmailbox.NewAddressForm;

/**
 * An owner's page of one list's members: a page at a time from the database, a search, adding one
 * or many pasted addresses, removing. Holds plain values only (the address, the rows shown).
 */
@Named
@ViewScoped
public class ListMembersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of("members", "add:addresses", "endsOn", "extend:endsOn", "purpose", "extend:reason");

  @Inject ListOwners owners;
  @Inject SharedMailboxRequestService requests;

  private String address;
  private OwnedList list;
  private String addresses;
  private TextSearchModel<ListMember> members;
  private LocalDate endsOn;
  private String reason;

  /** Loads the list named in the URL; one the caller does not own is a 404. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      list = address == null ? null : owners.find(address);
    } catch (RuleViolationException notOwned) {
      list = null;
    }
    if (list == null) {
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
      return;
    }
    ListOwners service = owners;
    String at = list.address();
    members =
        new TextSearchModel<>(
            text -> service.countMembers(at, text),
            (text, first, size) -> service.members(at, text, first, size),
            ListMember::address);
  }

  public void add() {
    try {
      int added = owners.add(list.address(), MailAddresses.splitPasted(addresses));
      Messages.info("listMembers.added", added);
      addresses = null;
      list = owners.find(list.address());
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public void remove(String member) {
    try {
      owners.remove(list.address(), member);
      Messages.info("listMembers.removed", member);
      list = owners.find(list.address());
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /** An owner asks the helpdesk for a later last day; the request's page shows it filed. */
  public void extend() throws IOException {
    try {
      NewAddressForm.filed(requests.submitListExtension(list.address(), endsOn, reason));
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public LocalDate getMinEndsOn() {
    return LocalDate.now().plusDays(1);
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public void setEndsOn(LocalDate endsOn) {
    this.endsOn = endsOn;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public OwnedList getList() {
    return list;
  }

  public String getAddresses() {
    return addresses;
  }

  public void setAddresses(String addresses) {
    this.addresses = addresses;
  }

  public TextSearchModel<ListMember> getMembers() {
    return members;
  }
}
