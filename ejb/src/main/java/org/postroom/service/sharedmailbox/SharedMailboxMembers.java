package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import java.util.List;

/** A shared mailbox and who may open it, as its members see it. */
public record SharedMailboxMembers(String address, List<RequestView.Person> members)
    implements Serializable {

  public SharedMailboxMembers {
    members = List.copyOf(members);
  }
}
