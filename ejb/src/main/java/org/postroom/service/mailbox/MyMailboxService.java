package org.postroom.service.mailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postroom.domain.account.Roles;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;

/** The caller's own mailbox for its page; empty when they have none (yet). */
@Stateless
@DeclareRoles({Roles.USER})
@RolesAllowed(Roles.USER)
public class MyMailboxService {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject MailboxOverviews overviews;

  public Optional<MailboxOverview> overview() {
    return ownMailboxes.of(accounts.of(context.getCallerPrincipal())).map(overviews::of);
  }
}
