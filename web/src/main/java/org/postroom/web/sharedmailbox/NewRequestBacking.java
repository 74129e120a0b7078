package org.postroom.web.sharedmailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.account.AccountService;
import org.postroom.service.sharedmailbox.NewSharedMailboxRequest;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/** The staff form to request a shared mailbox. The page hints at the rules; the service decides. */
@Named
@ViewScoped
public class NewRequestBacking extends NewAddressForm {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "domain", "request:domain",
          "localPart", "request:localPart",
          "abbreviations", "request:abbreviations",
          "purpose", "request:purpose",
          "members", "request:members");

  @Inject SharedMailboxRequestService requests;
  @Inject AccountService accounts;

  private String abbreviations;
  private List<String> members = new ArrayList<>();

  private final PeoplePicker people = new PeoplePicker();

  @PostConstruct
  void init() {
    loadDomains(requests);
  }

  public List<String> complete(String query) {
    return people.complete(accounts, query, members);
  }

  public String label(String username) {
    return people.label(username);
  }

  public void submit() throws IOException {
    try {
      filed(
          requests.submit(
              new NewSharedMailboxRequest(
                  getDomain(), getLocalPart(), abbreviations, getPurpose(), members)));
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public String getAbbreviations() {
    return abbreviations;
  }

  public void setAbbreviations(String abbreviations) {
    this.abbreviations = abbreviations;
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
  }
}
