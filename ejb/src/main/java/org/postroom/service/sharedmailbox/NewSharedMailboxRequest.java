package org.postroom.service.sharedmailbox;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.List;

/** What a staff member fills in to ask for a shared mailbox. */
public record NewSharedMailboxRequest(
    @NotNull String domain,
    String localPart,
    String abbreviations,
    String purpose,
    @NotNull List<String> memberUsernames)
    implements Serializable {

  public NewSharedMailboxRequest {
    memberUsernames = memberUsernames == null ? List.of() : List.copyOf(memberUsernames);
  }
}
