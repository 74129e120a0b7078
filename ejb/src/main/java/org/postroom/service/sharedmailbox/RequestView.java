package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.domain.sharedmailbox.SharedMailboxRequest;

/**
 * One request as its page shows it, read in one transaction: plain values only, so that the page's
 * view state holds no entity (and no lazy collection) when sessions move between nodes.
 *
 * @param version what a decision sends back, so that a decision on an outdated view is refused
 * @param mailboxAddress the mailbox made for it, once approved (null before)
 * @param awaitingMailServer the mailbox is made in Postroom, its storage on the mail server pending
 */
public record RequestView(
    long id,
    long version,
    String address,
    RequestState state,
    Person requester,
    Instant submittedAt,
    String abbreviations,
    String purpose,
    List<Person> members,
    String decidedBy,
    Instant decidedAt,
    String rejectionReason,
    String mailboxAddress,
    String mailboxLogin,
    boolean awaitingMailServer,
    RequestKind kind,
    List<Person> owners,
    List<String> externals,
    List<Person> removals,
    SendPolicy sendPolicy,
    LocalDate endsOn)
    implements Serializable {

  public RequestView {
    members = List.copyOf(members);
    owners = List.copyOf(owners);
    externals = List.copyOf(externals);
    removals = List.copyOf(removals);
  }

  /** A person as a request names them. */
  public record Person(String username, String displayName, AccountType type)
      implements Serializable {

    static Person of(Account account) {
      return new Person(account.getUsername(), account.getDisplayName(), account.getType());
    }
  }

  static RequestView of(SharedMailboxRequest request, boolean awaitingMailServer) {
    return new RequestView(
        request.getId(),
        request.getVersion(),
        request.getAddress(),
        request.getState(),
        Person.of(request.getRequester()),
        request.getSubmittedAt(),
        request.getAbbreviations(),
        request.getPurpose(),
        request.getMembers().stream().map(Person::of).toList(),
        request.getDecidedBy(),
        request.getDecidedAt(),
        request.getRejectionReason(),
        request.getMailbox() == null ? null : request.getMailbox().getAddress(),
        request.getMailbox() == null ? null : request.getMailbox().getLoginName(),
        awaitingMailServer,
        request.getKind(),
        request.getOwners().stream().map(Person::of).toList(),
        request.getExternalMembers(),
        request.getRemovals().stream().map(Person::of).toList(),
        request.getSendPolicy(),
        request.getEndsOn());
  }
}
