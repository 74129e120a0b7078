package org.postroom.service.sharedmailbox;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.List;

/** What a member of a shared mailbox fills in to ask for people to be added or removed. */
public record MemberChangeRequest(
    @NotNull String mailbox,
    String reason,
    @NotNull List<String> addUsernames,
    @NotNull List<String> removeUsernames)
    implements Serializable {

  public MemberChangeRequest {
    addUsernames = addUsernames == null ? List.of() : List.copyOf(addUsernames);
    removeUsernames = removeUsernames == null ? List.of() : List.copyOf(removeUsernames);
  }
}
