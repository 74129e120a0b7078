package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.notification.QueuedMail;
import org.postroom.service.account.Accounts;
import org.postroom.service.notification.MailOutboxWorker;
import org.postroom.service.notification.Notifier;
import org.postroom.service.notification.QueuedMailRow;
import org.postroom.service.notification.QueuedMails;
import org.postroom.service.security.CredentialService;

/**
 * Notifications go through the mail outbox: a row written in the transaction of the change, sent
 * after the commit (to the tests' SMTP server) and marked sent, exactly once; a change rolled back
 * mails nobody.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(MailOutboxIT.class, Inbox.class);
  }

  @Inject Notifier notifier;
  @Inject Accounts accounts;
  @Inject MailOutboxWorker worker;
  @Inject QueuedMails queuedMails;
  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static String unique(String what) {
    return what + System.nanoTime() + "@outbox.example";
  }

  private List<QueuedMail> queuedFor(String address) {
    return em.createQuery("select m from QueuedMail m where m.recipient = :a", QueuedMail.class)
        .setParameter("a", address)
        .getResultList();
  }

  private void tell(String address) {
    Account member = accounts.byUsername("member").orElseThrow();
    notifier.tellAt(address, member, "forwarding.cleared", address, member.getDisplayName());
  }

  @Test
  void aNotificationIsWrittenWithTheChangeAndSentOnceAfterTheCommit() throws Exception {
    String address = unique("sent");
    tx.begin();
    tell(address);
    assertEquals(1, queuedFor(address).size(), "in the outbox before the commit");
    tx.commit();

    Inbox.await(address, address);
    // the worker runs again (its schedule, and here by hand): nothing is sent twice
    worker.drain();
    Thread.sleep(500);
    assertEquals(1, Inbox.read(address).size());
    QueuedMail queued = queuedFor(address).get(0);
    assertEquals(QueuedMail.State.SENT, queued.getState());
    assertEquals(1, queued.getAttempts());
    assertTrue(queued.getSentAt() != null);
  }

  @Test
  void aRolledBackChangeMailsNobody() throws Exception {
    String address = unique("rolledback");
    tx.begin();
    tell(address);
    tx.rollback();
    assertEquals(List.of(), queuedFor(address));

    String later = unique("later");
    tx.begin();
    tell(later);
    tx.commit();
    Inbox.await(later, later);
    assertEquals(List.of(), Inbox.read(address), "the rolled-back notification was not sent");
  }

  /**
   * A mail the relay refused all its tries waits on the helpdesk's outbox page; sent again, it
   * arrives once. (Its tries are spent here in the database: the tests' relay takes everything.)
   */
  @Test
  void theHelpdeskSendsAFailedNotificationAgain() throws Exception {
    String address = unique("failed");
    tx.begin();
    tell(address);
    QueuedMail queued = queuedFor(address).get(0);
    for (int attempt = 0; attempt < QueuedMail.ATTEMPTS; attempt++) {
      queued.notSent("451 4.4.1 the relay is away", Instant.now());
    }
    tx.commit();
    assertEquals(QueuedMail.State.FAILED, queuedFor(address).get(0).getState());

    List<QueuedMailRow> failed =
        Caller.as(
            credentials, "helpdesk", () -> queuedMails.failed(0, (int) queuedMails.countFailed()));
    QueuedMailRow row =
        failed.stream().filter(r -> r.recipient().equals(address)).findFirst().orElseThrow();
    assertEquals("451 4.4.1 the relay is away", row.lastError());
    Caller.run(credentials, "helpdesk", () -> queuedMails.retry(row.id(), row.version()));

    Inbox.await(address, address);
    assertEquals(QueuedMail.State.SENT, queuedFor(address).get(0).getState());
    assertEquals(1, Inbox.read(address).size());
    // a student may not see or resend the helpdesk's mails
    org.junit.jupiter.api.Assertions.assertThrows(
        jakarta.ejb.EJBAccessException.class,
        () -> Caller.as(credentials, "student", () -> queuedMails.countFailed()));
  }
}
