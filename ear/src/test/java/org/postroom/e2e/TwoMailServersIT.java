package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.e2e.MailStack.await;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeState;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.it.Caller;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.account.Accounts;
import org.postroom.service.client.ClientSettingsAdmin;
import org.postroom.service.client.MailboxPlacements;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.mailsystem.MailSystem;
import org.postroom.service.mailsystem.MailSystems;
import org.postroom.service.provisioning.ProvisioningService;
import org.postroom.service.provisioning.ServerOutbox;
import org.postroom.service.quota.QuotaScan;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/**
 * Hosting provider E: mailboxes of one domain on two Dovecots (the stack's and a second one that
 * this test starts, provisioning key {@code second}). Each change lands on its mailbox's own
 * server, a stopped server holds back only its own mailboxes' changes, the quota scan reads each
 * mailbox from its server, and moving a mailbox puts Postroom's script on the new server.
 */
@ExtendWith(ArquillianExtension.class)
class TwoMailServersIT {

  private static final String SECOND = "second";
  private static final int SECOND_LMTP_PORT = 26024;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        TwoMailServersIT.class,
        MailStack.class,
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
  @Inject ClientSettingsAdmin clients;
  @Inject MailboxPlacements placements;
  @Inject MailSystems mailSystems;
  @Inject VacationService vacations;
  @Inject ProvisioningService provisioning;
  @Inject QuotaScan quotaScan;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private List<ProvisioningChange> changesOf(String address) {
    em.clear();
    return em.createQuery(
            "select c from ProvisioningChange c where c.mailboxAddress = :a order by c.mailboxSeq",
            ProvisioningChange.class)
        .setParameter("a", address)
        .getResultList();
  }

  private boolean allApplied(String address) {
    return changesOf(address).stream().allMatch(c -> c.getState() == ChangeState.APPLIED);
  }

  private void setVacation(String username, String subject) throws Exception {
    Caller.asSignedIn(
        accounts,
        username,
        () -> {
          vacations.set(new VacationForm(subject, "I am away.", null, null, 7));
          return null;
        });
  }

  private static Optional<String> script(MailSystem server, String address) {
    try {
      return server.sieve(address);
    } catch (Exception e) {
      throw new AssertionError("reading the script of " + address, e);
    }
  }

  private ServerOutbox outboxOf(String key) throws Exception {
    return as(credentials, "helpdesk", () -> provisioning.servers()).stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private Mailbox mailbox(String address) {
    em.clear();
    return em.createQuery("select m from Mailbox m where m.address = :a", Mailbox.class)
        .setParameter("a", address)
        .getSingleResult();
  }

  @Test
  void eachMailboxIsProvisionedOnItsOwnServerAndOneServerDownHoldsBackOnlyItsOwn()
      throws Exception {
    MailUsers people = MailUsers.create("two", 2, domains, imports, credentials, hasher, em, tx);
    String onFirst = people.address(0);
    String onSecond = people.address(1);
    List<ClientEndpoint> endpoints =
        List.of(
            new ClientEndpoint(Protocol.IMAP, "127.0.0.1", 993, Security.SSL, null),
            new ClientEndpoint(Protocol.SMTP, "127.0.0.1", 587, Security.STARTTLS, null));
    run(
        credentials,
        "admin",
        () -> {
          clients.describe(
              people.domain(), 0, "mail1", LoginFormat.ADDRESS, false, null, endpoints, null);
          clients.describe(
              people.domain(), 1, "mail2", LoginFormat.ADDRESS, false, null, endpoints, SECOND);
        });
    assertEquals(
        List.of("default", SECOND),
        as(credentials, "admin", () -> clients.provisioningKeys(people.domain())));
    MailboxPlacements.Move move =
        as(credentials, "helpdesk", () -> placements.place(onSecond, "mail2"));
    assertTrue(move.provisioned(), "another Dovecot");
    assertEquals("default", move.leftOnKey());
    assertFalse(move.script(), "no script yet");

    MailSystem first = mailSystems.of("default");
    MailSystem second = mailSystems.of(SECOND);
    MailStack.run("dovecot2-start");
    try {
      setVacation(people.usernames().get(0), "First server, round 1");
      setVacation(people.usernames().get(1), "Second server, round 1");
      await("both changes applied", () -> allApplied(onFirst) && allApplied(onSecond));
      assertEquals(
          List.of(ProvisioningChange.DEFAULT_SERVER),
          changesOf(onFirst).stream().map(ProvisioningChange::getServerKey).distinct().toList());
      assertEquals(
          List.of(SECOND),
          changesOf(onSecond).stream().map(ProvisioningChange::getServerKey).distinct().toList());
      assertTrue(script(first, onFirst).orElseThrow().contains("First server, round 1"));
      assertTrue(script(second, onSecond).orElseThrow().contains("Second server, round 1"));
      assertTrue(script(first, onSecond).isEmpty(), "nothing of the second's on the first");
      assertTrue(script(second, onFirst).isEmpty(), "nothing of the first's on the second");

      // the second server goes away: only its mailbox's change waits
      MailStack.run("dovecot2-stop");
      try {
        setVacation(people.usernames().get(1), "Second server, round 2");
        setVacation(people.usernames().get(0), "First server, round 2");
        await("the first server's change applied", () -> allApplied(onFirst));
        assertTrue(script(first, onFirst).orElseThrow().contains("First server, round 2"));
        await(
            "the second server recorded as unreachable",
            () -> {
              try {
                return outboxOf(SECOND).unreachableSince() != null;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
        ServerOutbox down = outboxOf(SECOND);
        assertEquals(1, down.pending(), "the second server's change waits");
        assertNull(outboxOf("default").unreachableSince(), "the first server is reached");
        assertEquals(0, outboxOf("default").pending());
        ProvisioningChange waiting = changesOf(onSecond).get(changesOf(onSecond).size() - 1);
        assertEquals(ChangeState.PENDING, waiting.getState());
        assertEquals(0, waiting.getAttempts(), "an unreachable server is not the change's fault");
      } finally {
        MailStack.run("dovecot2-start");
      }
      await("the second server's change applied once it is back", () -> allApplied(onSecond));
      assertTrue(script(second, onSecond).orElseThrow().contains("Second server, round 2"));
      assertNull(outboxOf(SECOND).unreachableSince());
      assertNotNull(outboxOf(SECOND).reachedAt());

      // the quota scan reads each mailbox from its own server
      assertTrue(
          Lmtp.deliver("sender@example.org", onFirst, "on the first", 300_000).startsWith("250"));
      assertTrue(
          Lmtp.deliver(SECOND_LMTP_PORT, "sender@example.org", onSecond, "on the second", 600_000)
              .startsWith("250"));
      as(credentials, "admin", () -> quotaScan.scan());
      long usedFirst = mailbox(onFirst).getQuotaUsedBytes();
      long usedSecond = mailbox(onSecond).getQuotaUsedBytes();
      assertTrue(usedFirst >= 300_000 && usedFirst < 600_000, "first: " + usedFirst);
      assertTrue(usedSecond >= 600_000, "second, read from the second server: " + usedSecond);

      // moved back: Postroom's script is put on the first server, the mail stays on the second
      MailboxPlacements.Move back =
          as(credentials, "helpdesk", () -> placements.place(onSecond, "mail1"));
      assertEquals(SECOND, back.leftOnKey());
      assertTrue(back.script());
      await("the script on its new server", () -> allApplied(onSecond));
      assertTrue(script(first, onSecond).orElseThrow().contains("Second server, round 2"));
      assertTrue(script(second, onSecond).isPresent(), "left on the old server, as the page says");
    } finally {
      MailStack.run("dovecot2-stop");
    }
  }
}
