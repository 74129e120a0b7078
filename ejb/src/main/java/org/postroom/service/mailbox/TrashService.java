package org.postroom.service.mailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;

/**
 * What deleting does in a person's own mailbox: deleted mail kept in the trash (until they empty
 * it; it counts toward the quota) or removed at once, or as the domain's policy says. Dovecot reads
 * the choice from the userdb view at the person's next session (see mail-system/README.md): no
 * change goes through the outbox.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK})
@RolesAllowed(Roles.USER)
public class TrashService {

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject OwnMailboxes ownMailboxes;
  @Inject AuditLog audit;
  @Inject Mailboxes mailboxes;

  /** true keeps deleted mail in the trash, false removes it at once, null follows the domain. */
  public void keepDeleted(Boolean keep) {
    Account owner = accounts.of(context.getCallerPrincipal());
    keep(ownMailboxes.locked(owner, "trash"), keep, owner.getUsername());
  }

  /** The helpdesk sets an account's trash choice (restoring their settings file). */
  @RolesAllowed(Roles.HELPDESK)
  public void keepDeletedAsHelpdesk(String address, Boolean keep) {
    keep(
        mailboxes.lockedLive(address, "trash.noMailbox"),
        keep,
        context.getCallerPrincipal().getName());
  }

  private void keep(Mailbox mailbox, Boolean keep, String actor) {
    if (Objects.equals(mailbox.getTrashKeepsDeleted(), keep)) {
      return;
    }
    mailbox.keepDeletedInTrash(keep);
    audit.record(
        Instant.now(),
        actor,
        AuditAction.TRASH_SET,
        AuditSubject.MAILBOX,
        mailbox.getId(),
        keep == null ? "domain default" : keep ? "keep in trash" : "remove at once");
  }
}
