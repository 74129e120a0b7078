package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/** A domain one may request a shared mailbox in, with the rules the request form explains. */
public record OpenDomain(String name, SharedMailboxPolicy policy) implements Serializable {

  static OpenDomain of(MailDomain domain) {
    return new OpenDomain(domain.getName(), domain.getSharedMailboxPolicy());
  }
}
