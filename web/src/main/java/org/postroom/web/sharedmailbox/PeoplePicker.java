package org.postroom.web.sharedmailbox;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.postroom.service.account.AccountService;
import org.postroom.service.account.AccountSuggestion;
import org.postroom.web.common.Messages;

/**
 * The people search of the request forms: suggests accounts of the caller's institution and labels
 * the chosen ones with the names it offered. Part of a view-scoped bean (serializable, no entity).
 */
public class PeoplePicker implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Names of the accounts offered so far, to label the chosen people. */
  private final HashMap<String, AccountSuggestion> offered = new HashMap<>();

  /** Suggestions for {@code query}, without those {@code chosen} already. */
  public List<String> complete(AccountService accounts, String query, Collection<String> chosen) {
    List<AccountSuggestion> found = accounts.suggest(query);
    found.forEach(s -> offered.put(s.username(), s));
    return found.stream()
        .map(AccountSuggestion::username)
        .filter(u -> !chosen.contains(u))
        .toList();
  }

  /** "Name (username, kind)" for an account offered in this view, else the username. */
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
}
