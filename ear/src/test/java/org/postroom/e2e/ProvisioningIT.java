package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.e2e.MailStack.await;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.it.Caller;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.account.Accounts;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.mailbox.ScriptDeliveries;
import org.postroom.service.mailbox.ScriptDelivery;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.mailsystem.DovecotMailSystem;
import org.postroom.service.provisioning.ReconcileService;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.service.sharedmailbox.SharedMailboxService;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/**
 * What Postroom's provisioning outbox does to a real Dovecot (scripts/mail-stack): a shared mailbox
 * opens for its members only, changes made while Dovecot is down arrive once it is back, and
 * reconcile puts back the Sieve scripts a restore lost.
 */
@ExtendWith(ArquillianExtension.class)
class ProvisioningIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        ProvisioningIT.class,
        MailStack.class,
        Imap.class,
        Lmtp.class,
        Smtp.class,
        MailUsers.class,
        RegistryPerson.class);
  }

  @Inject CredentialService credentials;
  @Inject Accounts accounts;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject SharedMailboxRequestService requests;
  @Inject SharedMailboxService sharedMailboxes;
  @Inject VacationService vacations;
  @Inject ReconcileService reconcile;
  @Inject DovecotMailSystem dovecot;
  @Inject ScriptDeliveries deliveries;
  @Inject Mailboxes mailboxes;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private MailUsers users(String prefix, int count) throws Exception {
    return MailUsers.create(prefix, count, domains, imports, credentials, hasher, em, tx);
  }

  private long outstanding() {
    return em.createQuery(
            "select count(c) from ProvisioningChange c where c.state in :s", Long.class)
        .setParameter("s", List.of(ChangeState.PENDING, ChangeState.FAILED))
        .getSingleResult();
  }

  private List<ProvisioningChange> changesOf(List<String> addresses) {
    em.clear();
    return em.createQuery(
            "select c from ProvisioningChange c where c.mailboxAddress in :a order by c.id",
            ProvisioningChange.class)
        .setParameter("a", addresses)
        .getResultList();
  }

  private static boolean opens(String user, String sharedAddress) throws Exception {
    try (Store store = Imap.login(user, MailUsers.password())) {
      Folder shared = store.getFolder("shared/" + sharedAddress + "/INBOX");
      try {
        shared.open(Folder.READ_ONLY);
      } catch (MessagingException refused) {
        return false;
      }
      assertEquals(1, shared.getMessageCount());
      assertEquals("hello team", shared.getMessage(1).getSubject());
      shared.close(false);
      return true;
    }
  }

  @Test
  void anApprovedSharedMailboxOpensForEachMemberAndNobodyElse() throws Exception {
    MailUsers people = users("sh", 3);
    String member = people.usernames().get(0);
    String leaving = people.usernames().get(1);
    String outsider = people.usernames().get(2);
    String address = people.sharedMailbox("team", List.of(member, leaving), credentials, requests);
    assertTrue(dovecot.hasSharedGrant(address));
    String delivered = Lmtp.deliver("sender@example.org", address, "hello team", 2_000);
    assertTrue(delivered.startsWith("250"), delivered);

    assertTrue(opens(member, address), member + " is a member");
    assertTrue(opens(leaving, address), leaving + " is a member");
    assertFalse(opens(outsider, address), outsider + " is no member");
    // the shared mailbox itself has no password: nobody logs in as it
    assertThrows(
        jakarta.mail.AuthenticationFailedException.class,
        () -> Imap.login(address, MailUsers.password()));

    as(
        credentials,
        "helpdesk",
        () -> {
          sharedMailboxes.removeMember(address, leaving);
          return null;
        });
    assertFalse(opens(leaving, address), leaving + " was removed");
    assertTrue(opens(member, address), member + " still is a member");

    as(
        credentials,
        "helpdesk",
        () -> {
          sharedMailboxes.addMember(address, outsider);
          return null;
        });
    assertTrue(opens(outsider, address), outsider + " was added: a database change only");
  }

  /**
   * Who may open a shared mailbox is Postroom's to say: a member cannot grant access (SETACL is
   * refused, also through the shared mailbox's own login), and a grant made behind Postroom's back
   * is drift that reconcile removes.
   */
  @Test
  void onlyPostroomGrantsAccessToASharedMailbox() throws Exception {
    MailUsers people = users("acl", 3);
    String member = people.usernames().get(0);
    String outsider = people.usernames().get(2);
    String address =
        people.sharedMailbox(
            "acl", List.of(member, people.usernames().get(1)), credentials, requests);
    assertTrue(dovecot.hasSharedGrant(address));
    String delivered = Lmtp.deliver("sender@example.org", address, "hello team", 2_000);
    assertTrue(delivered.startsWith("250"), delivered);

    try (Store store = Imap.login(member, MailUsers.password())) {
      IMAPFolder shared = (IMAPFolder) store.getFolder("shared/" + address + "/INBOX");
      MessagingException refused =
          assertThrows(
              MessagingException.class,
              () -> shared.addACL(new ACL(people.address(2), new Rights("lrwstipekx"))));
      assertFalse(opens(outsider, address), "a member's grant did nothing: " + refused);
    }

    // an administrator at the mail server grants someone access without Postroom
    try (Store store = Imap.asMaster(address)) {
      IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
      inbox.addACL(new ACL(people.address(2), new Rights("lrwstipekx")));
      List<String> names = new ArrayList<>();
      for (ACL acl : inbox.getACL()) {
        names.add(acl.getName() + " " + acl.getRights());
      }
      assertTrue(opens(outsider, address), "the grant behind Postroom's back works: " + names);
    }
    assertFalse(dovecot.hasSharedGrant(address), "reconcile sees the grant as drift");

    ReconcileRun run = reconciled();
    assertEquals(ReconcileRun.State.FINISHED, run.getState(), String.valueOf(run.getError()));
    await("the repairs applied", () -> outstanding() == 0);
    assertFalse(opens(outsider, address), "the grant Postroom did not make is gone");
    assertTrue(opens(member, address), "the members' own access stays");
    assertTrue(dovecot.hasSharedGrant(address));
  }

  private static final String HOSTILE_TEXT =
      "I am away.\n.\nA \"quoted\" line, a back\\slash, ${variable} and \\\" at once.\n"
          + "Æøå, 日本語, 🙂.\nrequire \"fileinto\"; discard;";

  private void setVacation(String username, String subject) throws Exception {
    Caller.asSignedIn(
        accounts,
        username,
        () -> {
          vacations.set(new VacationForm(subject, HOSTILE_TEXT, null, null, 7));
          return null;
        });
  }

  @Test
  void changesMadeWhileDovecotIsDownAreAppliedOnceWhenItIsBack() throws Exception {
    MailUsers people = users("out", 10);
    await("an empty outbox", () -> outstanding() == 0);
    MailStack.run("dovecot-stop");
    try {
      for (int round = 1; round <= 20; round++) {
        for (String username : people.usernames()) {
          setVacation(username, "Away, change " + round);
        }
      }
      Thread.sleep(2_000);
      List<ProvisioningChange> whileDown = changesOf(people.addresses());
      assertEquals(200, whileDown.size());
      assertTrue(
          whileDown.stream().allMatch(c -> c.getState() == ChangeState.PENDING),
          "nothing applied while Dovecot is down");
    } finally {
      MailStack.run("dovecot-start");
    }
    long back = System.nanoTime();
    await(
        "200 changes applied",
        () ->
            changesOf(people.addresses()).stream()
                .allMatch(c -> c.getState() == ChangeState.APPLIED));
    // a figure for the report, not a check: the worker's pause is at most 30 s
    System.out.printf(
        "Outbox after the outage: 200 changes applied %.1f s after Dovecot was back%n",
        (System.nanoTime() - back) / 1e9);
    List<ProvisioningChange> applied = changesOf(people.addresses());
    assertEquals(200, applied.size());
    for (ProvisioningChange change : applied) {
      // an unreachable server is not the change's fault: one attempt, the one that worked
      assertEquals(1, change.getAttempts(), "attempts of change " + change.getId());
    }
    for (String address : people.addresses()) {
      List<Instant> times =
          applied.stream()
              .filter(c -> c.getMailboxAddress().equals(address))
              .map(ProvisioningChange::getAppliedAt)
              .toList();
      assertEquals(20, times.size());
      assertEquals(times.stream().sorted().toList(), times, "applied in order for " + address);
      String onServer = dovecot.sieve(address).orElseThrow();
      assertTrue(onServer.contains("\"Away, change 20\""), onServer);
      assertEquals(desiredScript(address), onServer);
    }
  }

  private String desiredScript(String address) {
    em.clear();
    return em.createQuery(
            "select s.script from MailboxSieve s, Mailbox m where m.id = s.mailboxId"
                + " and m.address = :a",
            String.class)
        .setParameter("a", address)
        .getSingleResult();
  }

  private ReconcileRun reconciled() throws Exception {
    long runId = as(credentials, "admin", () -> reconcile.start());
    await(
        "reconcile to finish",
        () -> {
          try {
            return as(credentials, "admin", () -> reconcile.find(runId).orElseThrow()).getState()
                != ReconcileRun.State.RUNNING;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return as(credentials, "admin", () -> reconcile.find(runId).orElseThrow());
  }

  @Test
  void reconcileBringsBackEverySieveScriptAfterTheMailServerLostThem() throws Exception {
    MailUsers people = users("rc", 5);
    for (String username : people.usernames()) {
      setVacation(username, "Back next week");
    }
    await("an empty outbox", () -> outstanding() == 0);
    for (String address : people.addresses()) {
      assertEquals(desiredScript(address), dovecot.sieve(address).orElseThrow());
    }

    // the mail server is restored from a backup without its Sieve storage
    MailStack.wipeSieveStorage();
    for (String address : people.addresses()) {
      assertTrue(dovecot.sieve(address).isEmpty(), "wiped " + address);
    }
    em.clear();
    long desired =
        em.createQuery("select count(s) from MailboxSieve s", Long.class).getSingleResult();
    assertTrue(desired >= 5);

    ReconcileRun first = reconciled();
    assertEquals(ReconcileRun.State.FINISHED, first.getState(), String.valueOf(first.getError()));
    assertEquals(first.getTotal(), first.getChecked());
    assertEquals(0, first.getUnreachable());
    assertEquals(desired, first.getMissingScripts());
    assertEquals(0, first.getDifferingScripts());
    assertEquals(0, first.getStrayScripts());
    assertEquals(first.getMissingScripts() + first.getMissingGrants(), first.getRepaired());

    await("the repairs applied", () -> outstanding() == 0);
    em.clear();
    for (String address : people.addresses()) {
      assertEquals(desiredScript(address), dovecot.sieve(address).orElseThrow());
      // what each person's page says: put back by Postroom, and when
      ScriptDelivery shown = deliveries.latest(mailboxes.live(address).orElseThrow());
      assertTrue(shown.repair(), address);
      assertEquals(ScriptDelivery.Status.APPLIED, shown.status(), address);
      assertTrue(
          shown.appliedAt() != null && shown.appliedAt().isAfter(shown.savedAt().minusSeconds(1)));
    }

    // safe to run twice: nothing left to repair
    ReconcileRun second = reconciled();
    assertEquals(ReconcileRun.State.FINISHED, second.getState());
    assertEquals(0, second.getRepaired());
    assertEquals(second.getChecked(), second.getInStep());
  }
}
