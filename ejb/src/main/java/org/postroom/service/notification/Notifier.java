package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.notification.QueuedMail;
import org.postroom.service.account.OwnMailboxes;
import org.postroom.service.audit.AuditLog;

/**
 * Queues a notification in the mail outbox in the current transaction (a row of {@code
 * queued_mail}) and wakes the outbox after a successful commit: a rolled-back change mails nobody,
 * a committed one mails even when its node dies right after, and a slow SMTP server never holds a
 * transaction. A notification never undoes the work it reports: a person with no address to mail,
 * or a mail that cannot be made, is recorded (log and the person's history) and the change stays.
 */
@ApplicationScoped
@Transactional
public class Notifier {

  private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

  @Inject Event<OutgoingMail> queued;
  @Inject MailOutboxWorker outbox;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject MailTemplates templates;
  @Inject AuditLog audit;
  @Inject OwnMailboxes ownMailboxes;

  /**
   * Mails {@code person} the template in their language: at their contact address, else at their
   * own mailbox (personal before alumni). {@code args} are the template's arguments.
   */
  public void tell(Account person, String template, Object... args) {
    tellAt(null, person, template, args);
  }

  /**
   * Mails {@code person} like {@link #tell}, as one of many (a notice to a whole domain): it goes
   * after the mail about people's own changes. False when the person has no address to mail.
   */
  public boolean tellInBulk(Account person, String template, Object... args) {
    String to = addressOf(person);
    if (to == null) {
      return false;
    }
    render(to, person, template, args).ifPresent(mail -> queue(mail, true));
    return true;
  }

  /**
   * Mails {@code person} at {@code address} (a recovery address, a mailbox just made), or where
   * {@link #tell} would when it is null.
   */
  public void tellAt(String address, Account person, String template, Object... args) {
    String to = address != null ? address : addressOf(person);
    if (to == null) {
      notMailed(person, template, "no address");
      return;
    }
    render(to, person, template, args).ifPresent(this::queue);
  }

  private Optional<OutgoingMail> render(
      String to, Account person, String template, Object... args) {
    try {
      return Optional.of(
          templates.render(template, person.getLocale(), to, person.getDisplayName(), args));
    } catch (RuntimeException unmade) {
      LOG.log(Level.WARNING, unmade, () -> "Could not make the mail " + template);
      notMailed(person, template, unmade.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * Mails {@code person} the template in their {@code mailbox} itself, past the mailbox's forward,
   * and at their contact address too when they have another: a notice about the forward (which may
   * keep no copy, and may have been set by someone else) reaches the person whose mail it moves.
   */
  public void tellInMailbox(Account person, Mailbox mailbox, String template, Object... args) {
    String contact = addressOf(person);
    if (contact != null && !contact.equals(mailbox.getAddress())) {
      tellAt(contact, person, template, args);
    }
    render(mailbox.getAddress(), person, template, args)
        .map(OutgoingMail::intoMailbox)
        .ifPresent(this::queue);
  }

  /** Where Postroom mails a person: their contact address, else a mailbox of their own, or null. */
  public String addressOf(Account person) {
    if (person.hasContactAddress()) {
      return person.getContactAddress();
    }
    return ownMailboxes.of(person).map(Mailbox::getAddress).orElse(null);
  }

  private void notMailed(Account person, String template, String why) {
    LOG.warning(() -> "Not mailed to " + person.getUsername() + " (" + why + "): " + template);
    if (person.getId() != null) {
      audit.record(
          Instant.now(),
          "postroom",
          AuditAction.NOT_MAILED,
          AuditSubject.ACCOUNT,
          person.getId(),
          template);
    }
  }

  private void queue(OutgoingMail mail) {
    queue(mail, false);
  }

  private void queue(OutgoingMail mail, boolean bulk) {
    QueuedMail queuedMail =
        new QueuedMail(
            mail.to(), mail.toName(), mail.deliverTo(), mail.subject(), mail.body(), Instant.now());
    em.persist(bulk ? queuedMail.asBulk() : queuedMail);
    queued.fire(mail);
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
    outbox.kick();
  }
}
