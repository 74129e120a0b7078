package org.postroom.service.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.MailServerContact;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.mailbox.ScriptDelivery.Status;
import org.postroom.service.mailsystem.MailSystems;

/** Where a mailbox's latest Sieve change stands on the mail server, for its pages. */
@ApplicationScoped
public class ScriptDeliveries {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject MailSystems mailSystems;

  /** The latest change of the mailbox's script; null when it never had one. */
  public ScriptDelivery latest(Mailbox mailbox) {
    return em.createQuery(
            "select c from ProvisioningChange c where c.mailboxId = :m and c.kind in :kinds"
                + " order by c.mailboxSeq desc",
            ProvisioningChange.class)
        .setParameter("m", mailbox.getId())
        .setParameter("kinds", List.of(ChangeKind.PUT_SIEVE, ChangeKind.DELETE_SIEVE))
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(c -> new ScriptDelivery(c.getCreatedAt(), status(c), c.getAppliedAt(), c.isRepair()))
        .orElse(null);
  }

  private Status status(ProvisioningChange change) {
    return switch (change.getState()) {
      case APPLIED -> Status.APPLIED;
      case FAILED, ABANDONED -> Status.FAILED;
      case PENDING -> {
        if (!mailSystems.configured()) {
          yield Status.NO_MAIL_SERVER;
        }
        MailServerContact contact = em.find(MailServerContact.class, change.getServerKey());
        yield contact != null && contact.isUnreachable()
            ? Status.WAITING_FOR_SERVER
            : Status.APPLYING;
      }
    };
  }
}
