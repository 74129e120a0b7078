package org.postroom.service.client;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.mailbox.Mailboxes;

/**
 * What a domain's servers tell mail programs, answered to anyone for an address of a served domain
 * (autoconfiguration, autodiscover, Apple profiles). An answer never says whether a mailbox of that
 * address exists: an unknown address gets its domain's first server, as a mailbox on it does.
 */
@Stateless
@PermitAll
public class ClientAutoconfig {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  /**
   * The settings for an address, empty when Postroom serves no such domain or the domain has no
   * server described; {@link IllegalArgumentException} for what is no mail address.
   */
  @PermitAll
  public Optional<ClientSetup> forAddress(String rawAddress) {
    String address = MailAddresses.normalize(rawAddress);
    if (!MailAddresses.isWellFormed(address)) {
      throw new IllegalArgumentException("not a mail address");
    }
    Optional<Mailbox> mailbox = mailboxes.live(address);
    return (mailbox.isPresent()
            ? mailboxes.serverOf(mailbox.get())
            : mailboxes.firstServer(MailAddresses.domainOf(address)))
        .map(ClientSetup::of);
  }

  /** The settings of the domain's first server (its public guide's), empty as above. */
  @PermitAll
  public Optional<ClientSetup> forDomain(String domainName) {
    return mailboxes.firstServer(domainName).map(ClientSetup::of);
  }
}
