package org.postroom.service.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.directory.Person;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.notification.Notifier;
import org.postroom.service.provisioning.Outbox;

/**
 * Moves one page of registry accounts on in their life, in one transaction, with a fixed number of
 * queries: accounts with their people and affiliations, which of them hold an alumni address, and
 * the home mailboxes whose retention may be over.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LifecycleChunk {

  static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject Outbox outbox;

  /** The ids of the next registry accounts that may still move, after the given id. */
  public List<Long> next(long afterId, int max) {
    return em.createQuery(
            "select a.id from Account a where a.person is not null and a.id > :after"
                + " and a.state in :states order by a.id",
            Long.class)
        .setParameter("after", afterId)
        .setParameter(
            "states",
            List.of(
                AccountState.ACTIVE,
                AccountState.LEAVING,
                AccountState.ALUMNI,
                AccountState.CLOSED))
        .setMaxResults(max)
        .getResultList();
  }

  public LifecycleReport advance(List<Long> ids, LocalDate today, String actor) {
    Instant now = Instant.now();
    List<Account> accounts =
        em.createQuery(
                "select a from Account a join fetch a.person join fetch a.domain where a.id in :ids",
                Account.class)
            .setParameter("ids", ids)
            .getResultList();
    if (!accounts.isEmpty()) {
      // the affiliations of all these people in one more query (strict JPQL allows no nested fetch)
      em.createQuery(
              "select distinct p from Person p left join fetch p.affiliations where p in :people",
              Person.class)
          .setParameter("people", accounts.stream().map(Account::getPerson).toList())
          .getResultList();
    }
    Set<Long> alumni =
        new HashSet<>(
            em.createQuery(
                    "select m.owner.id from Mailbox m where m.owner.id in :ids and m.kind = :kind",
                    Long.class)
                .setParameter("ids", ids)
                .setParameter("kind", MailboxKind.ALUMNI)
                .getResultList());
    int leaving = 0;
    int reactivated = 0;
    int closed = 0;
    int becameAlumni = 0;
    for (Account account : accounts) {
      MailDomain domain = account.getDomain();
      Optional<AccountState> moved =
          account.advance(
              today,
              domain.getMailboxPolicy().getLeavingGraceDays(),
              alumni.contains(account.getId()));
      if (moved.isEmpty()) {
        continue;
      }
      switch (moved.get()) {
        case LEAVING -> {
          leaving++;
          notifyLeaving(account, domain, alumni.contains(account.getId()));
        }
        case ACTIVE -> reactivated++;
        case CLOSED -> closed++;
        case ALUMNI -> becameAlumni++;
        default -> {}
      }
      audit.record(
          now,
          actor,
          AuditAction.lifecycle(moved.get()),
          SUBJECT,
          account.getId(),
          today.toString());
    }
    int queued = queueDeletions(accounts, today, now, actor);
    return new LifecycleReport(leaving, reactivated, closed, becameAlumni, queued);
  }

  /** Home mailboxes of accounts closed longer than their domain's retention: deletion queued. */
  private int queueDeletions(List<Account> accounts, LocalDate today, Instant now, String actor) {
    List<Account> expired =
        accounts.stream()
            .filter(
                a ->
                    a.retentionOver(
                        today, a.getDomain().getMailboxPolicy().getClosedRetentionDays()))
            .toList();
    if (expired.isEmpty()) {
      return 0;
    }
    List<Mailbox> mailboxes =
        em.createQuery(
                "select m from Mailbox m where m.owner in :owners and m.kind = :kind"
                    + " and m.deletionQueuedAt is null",
                Mailbox.class)
            .setParameter("owners", expired)
            .setParameter("kind", MailboxKind.PERSONAL)
            .getResultList();
    for (Mailbox mailbox : mailboxes) {
      mailbox.queueDeletion(now);
      outbox.queue(mailbox, ChangeKind.DELETE_MAILBOX, null, actor, now);
      audit.record(
          now,
          actor,
          AuditAction.DELETION_QUEUED,
          SUBJECT,
          mailbox.getOwner().getId(),
          mailbox.getAddress());
    }
    return mailboxes.size();
  }

  private void notifyLeaving(Account account, MailDomain domain, boolean hasAlumniAddress) {
    Locale locale = Locale.forLanguageTag(account.getLanguage());
    String closesOn =
        account
            .closesOn(domain.getMailboxPolicy().getLeavingGraceDays())
            .map(
                d ->
                    d.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)))
            .orElse("");
    boolean mayOrderAlumni =
        !hasAlumniAddress
            && domain.getAlumniDomain() != null
            && account.getPerson().wasStudentOrStaff();
    notifier.tell(
        account,
        mayOrderAlumni ? "lifecycle.leaving.alumni" : "lifecycle.leaving",
        account.getDisplayName(),
        closesOn,
        mayOrderAlumni ? domain.getAlumniDomain().addressOf(account.getUsername()) : "");
  }
}
