package org.postroom.service.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.mailbox.Mailboxes;

/** A person's own mail-client settings: their mailbox and the shared mailboxes they belong to. */
@Stateless
@RolesAllowed(Roles.USER)
public class OwnClientSetup {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;

  /**
   * The caller's own mailbox (its address, the login they type, its server's settings) and the
   * shared mailboxes they belong to; a member without a mailbox of their own in Postroom gets the
   * shared ones only (address, login and setup null). Empty when there is neither.
   */
  @RolesAllowed(Roles.USER)
  public Optional<MySetup> mine() {
    Account owner = accounts.of(context.getCallerPrincipal());
    List<SharedAccess> shared = sharedOf(owner);
    Optional<MySetup> own =
        ownMailboxes
            .of(owner)
            .flatMap(
                mailbox ->
                    mailboxes
                        .serverOf(mailbox)
                        .map(
                            server ->
                                new MySetup(
                                    mailbox.getAddress(),
                                    server.getLoginFormat() == LoginFormat.USERNAME
                                        ? owner.getUsername()
                                        : mailbox.getAddress(),
                                    shared,
                                    ClientSetup.of(server))));
    if (own.isPresent() || shared.isEmpty()) {
      return own;
    }
    return Optional.of(new MySetup(null, null, shared, null));
  }

  private List<SharedAccess> sharedOf(Account member) {
    // the domain's first server once per domain, not once per shared mailbox
    Map<String, Optional<MailServer>> firstOfDomain = new HashMap<>();
    return em.createQuery(
            "select m from Mailbox m join m.members a where a = :a"
                + " and m.deletionQueuedAt is null order by m.address",
            Mailbox.class)
        .setParameter("a", member)
        .getResultStream()
        .map(
            shared -> {
              Optional<MailServer> server =
                  shared.getMailServer() != null
                      ? Optional.of(shared.getMailServer())
                      : firstOfDomain.computeIfAbsent(
                          shared.getDomain().getName(), d -> mailboxes.firstServer(d));
              return new SharedAccess(
                  shared.getAddress(),
                  server.map(MailServer::isSharedLogin).orElse(false),
                  server.map(ClientSetup::of).orElse(null));
            })
        .toList();
  }

  /**
   * A person's own mail-client settings.
   *
   * @param login what they type as login in their mail program
   * @param sharedMailboxes the shared mailboxes they are a member of
   */
  public record MySetup(
      String address, String login, List<SharedAccess> sharedMailboxes, ClientSetup setup)
      implements java.io.Serializable {

    public MySetup {
      sharedMailboxes = List.copyOf(sharedMailboxes);
    }
  }

  /**
   * How a member reaches a shared mailbox: always as the folder shared/&lt;address&gt; of their own
   * account, and, where its server lets them ({@code login}), also by logging in with its address
   * and their own password, at {@code setup}'s servers (null when its domain describes none).
   */
  public record SharedAccess(String address, boolean login, ClientSetup setup)
      implements java.io.Serializable {}
}
