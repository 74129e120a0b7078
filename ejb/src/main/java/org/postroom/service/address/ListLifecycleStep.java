package org.postroom.service.address;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.notification.Notifier;

/**
 * One list's step of {@link ListLifecycle}, in a transaction of its own, with the list locked and
 * its state checked again (another node, or the helpdesk moving the end date, may have been first).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ListLifecycleStep {

  static final String ACTOR = "list-lifecycle";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Notifier notifier;
  @Inject AuditLog audit;

  public boolean remind(long id, Instant now) {
    DistributionList list = locked(id);
    if (list == null
        || list.isClosed()
        || list.getRemindedAt() != null
        || list.getEndsOn() == null) {
      return false;
    }
    list.reminded(now);
    for (Account owner : list.getOwners()) {
      notifier.tell(
          owner,
          "list.ending",
          list.getAddress(),
          owner.getDisplayName(),
          list.getEndsOn(),
          ListLifecycle.REMIND_DAYS);
    }
    return true;
  }

  /** Closes the list if its end date lies before {@code today} (the run's day). */
  public boolean close(long id, LocalDate today, Instant now) {
    DistributionList list = locked(id);
    if (list == null
        || list.isClosed()
        || list.getEndsOn() == null
        || !list.getEndsOn().isBefore(today)) {
      return false;
    }
    list.close(now);
    audit.record(
        now,
        ACTOR,
        AuditAction.LIST_CLOSED,
        AuditSubject.DISTRIBUTION_LIST,
        id,
        list.getAddress() + " ended " + list.getEndsOn());
    LocalDate removedOn = today.plusDays(ListLifecycle.retention().toDays());
    for (Account owner : list.getOwners()) {
      notifier.tell(
          owner,
          "list.closed",
          list.getAddress(),
          owner.getDisplayName(),
          list.getEndsOn(),
          removedOn);
    }
    return true;
  }

  public boolean remove(long id, Instant now) {
    DistributionList list = locked(id);
    if (list == null
        || !list.isClosed()
        || list.getClosedAt().isAfter(now.minus(ListLifecycle.retention()))) {
      return false;
    }
    audit.record(
        now,
        ACTOR,
        AuditAction.LIST_REMOVED,
        AuditSubject.DISTRIBUTION_LIST,
        id,
        list.getAddress() + ", " + list.getMembers().size() + " members");
    em.remove(list);
    return true;
  }

  private DistributionList locked(long id) {
    return em.find(DistributionList.class, id, LockModeType.PESSIMISTIC_WRITE);
  }
}
