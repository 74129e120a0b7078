package org.postroom.web.sharedmailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.service.account.AccountService;
import org.postroom.service.account.AccountSuggestion;
import org.postroom.service.sharedmailbox.NewSharedMailboxRequest;
import org.postroom.service.sharedmailbox.OpenDomain;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/** The staff form to request a shared mailbox. The page hints at the rules; the service decides. */
@Named
@ViewScoped
public class NewRequestBacking implements Serializable {

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

  private List<OpenDomain> domains;
  private String domain;
  private String localPart;
  private String abbreviations;
  private String purpose;
  private List<String> members = new ArrayList<>();

  /** Names of the accounts offered so far, to label the chosen members. */
  private final HashMap<String, AccountSuggestion> offered = new HashMap<>();

  @PostConstruct
  void init() {
    domains = requests.domainsOpenForRequests();
    if (!domains.isEmpty()) {
      domain = domains.get(0).name();
    }
  }

  public List<String> complete(String query) {
    List<AccountSuggestion> found = accounts.suggest(query);
    found.forEach(s -> offered.put(s.username(), s));
    return found.stream()
        .map(AccountSuggestion::username)
        .filter(u -> !members.contains(u))
        .toList();
  }

  public String label(String username) {
    AccountSuggestion suggestion = offered.get(username);
    if (suggestion == null) {
      return username;
    }
    return Messages.text(
        "person.withLogin",
        suggestion.displayName(),
        username,
        Messages.text("accountType." + suggestion.type().name()));
  }

  public void submit() throws IOException {
    try {
      long id =
          requests.submit(
              new NewSharedMailboxRequest(domain, localPart, abbreviations, purpose, members));
      Messages.info("request.submitted");
      Messages.keepForRedirect();
      FacesContext faces = FacesContext.getCurrentInstance();
      faces
          .getExternalContext()
          .redirect(
              faces.getExternalContext().getRequestContextPath() + "/requests/view.xhtml?id=" + id);
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public SharedMailboxPolicy getPolicy() {
    return domains.stream()
        .filter(d -> d.name().equals(domain))
        .findFirst()
        .map(OpenDomain::policy)
        .orElse(null);
  }

  public List<OpenDomain> getDomains() {
    return domains;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getLocalPart() {
    return localPart;
  }

  public void setLocalPart(String localPart) {
    this.localPart = localPart;
  }

  public String getAbbreviations() {
    return abbreviations;
  }

  public void setAbbreviations(String abbreviations) {
    this.abbreviations = abbreviations;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
  }
}
