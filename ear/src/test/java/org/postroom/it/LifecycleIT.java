package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.service.alumni.AlumniOffer;
import org.postroom.service.alumni.AlumniService;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.help.HelpRequestRow;
import org.postroom.service.help.PasswordHelpService;
import org.postroom.service.lifecycle.AccountLifecycle;
import org.postroom.service.lifecycle.LifecycleReport;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;

/**
 * An account's life at University D through the real services: affiliations end, the account is
 * leaving (and mailed), one person orders an alumni address with a password of their own, the grace
 * period ends (closed, or alumnus), the retention ends (home mailbox deletion queued) — and a
 * forgotten alumni password comes back through the helpdesk and a one-time link.
 */
@ExtendWith(ArquillianExtension.class)
class LifecycleIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(LifecycleIT.class, RegistryPerson.class);
  }

  private static final String DEMO = Settings.get("postroom.demo.password").orElseThrow();
  private static final String ALUMNI_PASSWORD = "Fjord lighthouse 1987";

  @Inject RegistryImportService imports;
  @Inject AccountLifecycle lifecycle;
  @Inject AlumniService alumni;
  @Inject PasswordHelpService help;
  @Inject CredentialService credentials;
  @Inject PasswordHasher hasher;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  private final LocalDate today = LocalDate.now();

  /**
   * A former student of University D, imported from the registry, who can log in as the
   * institution's login would let them (here: the demo password).
   */
  private String formerStudent(String suffix) throws Exception {
    String username = "l" + run + suffix;
    new RegistryPerson(
            "life-" + run + suffix,
            "Kari",
            "Nordmann",
            username,
            "univ-d.no",
            new AffiliationPeriod(
                AffiliationKind.STUDENT, today.minusYears(4), today.minusDays(10)))
        .importAsAdmin(imports, credentials);
    tx.begin();
    account(username)
        .changePasswordHash(hasher.hash(Settings.get("postroom.demo.password").orElseThrow()));
    tx.commit();
    return username;
  }

  private Account account(String username) {
    return em.createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", username)
        .getSingleResult();
  }

  private List<Mailbox> mailboxes(String username) {
    return em.createQuery(
            "select m from Mailbox m where m.owner.username = :u order by m.kind", Mailbox.class)
        .setParameter("u", username)
        .getResultList();
  }

  private LifecycleReport runOn(LocalDate day) throws Exception {
    return as(credentials, "admin", () -> lifecycle.run(day));
  }

  private static List<String> keys(RuleViolationException refused) {
    return refused.violations().stream().map(Violation::key).toList();
  }

  @Test
  void leavingClosingAlumniAndRetention() throws Exception {
    String closing = formerStudent("a");
    String staying = formerStudent("b");

    runOn(today);
    assertEquals(AccountState.LEAVING, account(closing).getState());
    assertEquals(AccountState.LEAVING, account(staying).getState());
    assertEquals(
        LifecycleReport.NOTHING, runOn(today), "a second run on the same day does nothing");
    // University D writes to its people in Norwegian (the domain's default language)
    Inbox.Mail notice = Inbox.await(closing + "@univ-d.no", "E-postkontoen din stenges");
    assertTrue(notice.body().contains(closing + "@alumni.univ-d.no"), notice.body());

    AlumniOffer offer = as(credentials, staying, () -> alumni.offer());
    assertTrue(offer.eligible(), offer.toString());
    assertEquals(staying + "@alumni.univ-d.no", offer.address());
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                as(
                    credentials,
                    staying,
                    () -> alumni.order(DEMO, "kari@univ-b.be", "x" + staying + "x1", "other")));
    assertEquals(
        List.of("alumni.recovery.internal", "password.containsUsername", "password.mismatch"),
        keys(refused));
    assertTrue(mailboxes(staying).stream().noneMatch(m -> m.getKind() == MailboxKind.ALUMNI));
    // the person's current password is asked: someone at a browser left signed in cannot order
    assertTrue(
        assertThrows(
                RuleViolationException.class,
                () ->
                    as(
                        credentials,
                        staying,
                        () ->
                            alumni.order(
                                "not the password",
                                "kari@example.org",
                                ALUMNI_PASSWORD,
                                ALUMNI_PASSWORD)))
            .hasKey("password.change.wrongCurrent"));
    String address =
        as(
            credentials,
            staying,
            () ->
                alumni.order(
                    DEMO, " Kari.Nordmann@Example.org ", ALUMNI_PASSWORD, ALUMNI_PASSWORD));
    assertEquals(staying + "@alumni.univ-d.no", address);
    Inbox.await("kari.nordmann@example.org", "Alumniadressen din " + address);
    assertTrue(
        assertThrows(
                RuleViolationException.class,
                () ->
                    as(
                        credentials,
                        staying,
                        ALUMNI_PASSWORD,
                        () ->
                            alumni.order(
                                ALUMNI_PASSWORD,
                                "k@example.org",
                                ALUMNI_PASSWORD,
                                ALUMNI_PASSWORD)))
            .hasKey("alumni.alreadyOrdered"));

    runOn(today.plusDays(29));
    assertEquals(AccountState.LEAVING, account(closing).getState(), "within the 30 days of grace");
    runOn(today.plusDays(30));
    assertEquals(AccountState.CLOSED, account(closing).getState());
    assertEquals(AccountState.ALUMNI, account(staying).getState());
    assertTrue(
        credentials.authenticate(closing, Settings.get("postroom.demo.password").get()).isEmpty());
    assertTrue(credentials.authenticate(staying, ALUMNI_PASSWORD).isPresent());
    assertTrue(
        as(credentials, staying, ALUMNI_PASSWORD, () -> alumni.offer()).ordered(),
        "an alumnus logs in with the alumni password and holds the address");

    runOn(today.plusDays(30 + 89));
    assertTrue(mailboxes(closing).stream().allMatch(m -> m.getDeletionQueuedAt() == null));
    LifecycleReport retention = runOn(today.plusDays(30 + 90));
    assertTrue(retention.deletionsQueued() >= 2, retention.toString());
    for (Mailbox mailbox : mailboxes(closing)) {
      assertNotNull(mailbox.getDeletionQueuedAt(), mailbox.getAddress());
    }
    for (Mailbox mailbox : mailboxes(staying)) {
      if (mailbox.getKind() == MailboxKind.ALUMNI) {
        assertNull(mailbox.getDeletionQueuedAt(), "the alumni address stays");
      } else {
        assertNotNull(mailbox.getDeletionQueuedAt(), mailbox.getAddress());
      }
    }
    assertThrows(
        EJBAccessException.class, () -> as(credentials, "helpdesk", () -> lifecycle.run(today)));
  }

  @Test
  void aForgottenAlumniPasswordComesBackThroughTheHelpdesk() throws Exception {
    String username = formerStudent("c");
    String recovery = "c" + run + "@example.org";
    as(credentials, username, () -> alumni.order(DEMO, recovery, ALUMNI_PASSWORD, ALUMNI_PASSWORD));
    String contact = "c" + run + "@elsewhere.example";

    help.ask("Nobody-" + run, contact, "I lost my password", "192.0.2.1");
    help.ask(username.toUpperCase(), contact, null, "192.0.2.1");
    assertEquals(
        List.of("help.contact.invalid"),
        keys(
            assertThrows(
                RuleViolationException.class,
                () -> help.ask(username, "me@example.org\r\nBcc: x@example.org", null, null))));

    List<HelpRequestRow> open =
        as(credentials, "helpdesk", () -> help.open(0, 100)).stream()
            .filter(r -> r.contactAddress().equals(contact))
            .toList();
    assertEquals(2, open.size());
    HelpRequestRow unknown = open.get(0);
    HelpRequestRow known = open.get(1);
    assertNull(unknown.username(), "no account matches, which only the helpdesk sees");
    assertEquals(username, known.username());
    assertEquals(recovery, known.recoveryAddress());
    assertTrue(
        assertThrows(
                RuleViolationException.class,
                () ->
                    run(
                        credentials,
                        "helpdesk",
                        () ->
                            help.sendResetLink(unknown.id(), unknown.version(), "http://x/reset")))
            .hasKey("help.noRecoveryAddress"));

    run(
        credentials,
        "helpdesk",
        () ->
            help.sendResetLink(
                known.id(), known.version(), "http://portal.example/password/reset.xhtml"));
    assertTrue(
        assertThrows(
                RuleViolationException.class,
                () ->
                    run(
                        credentials,
                        "helpdesk2",
                        () -> help.sendResetLink(known.id(), known.version(), "http://x/reset")))
            .hasKey("help.concurrentChange"));
    Inbox.Mail link = Inbox.await(recovery, "Tilbakestill Postroom-passordet ditt");
    assertFalse(link.body().contains(contact));
    Matcher token =
        Pattern.compile("reset\\.xhtml\\?token=([A-Za-z0-9_-]{43})").matcher(link.body());
    assertTrue(token.find(), link.body());

    assertEquals(username, help.linkFor(token.group(1)).orElseThrow());
    assertEquals(
        List.of("password.tooShort", "password.mismatch"),
        keys(
            assertThrows(
                RuleViolationException.class, () -> help.reset(token.group(1), "short", "shrt"))));
    help.reset(token.group(1), "Harbour seagull 2031", "Harbour seagull 2031");
    assertTrue(credentials.authenticate(username, "Harbour seagull 2031").isPresent());
    assertTrue(credentials.authenticate(username, ALUMNI_PASSWORD).isEmpty());
    assertTrue(
        assertThrows(
                RuleViolationException.class,
                () -> help.reset(token.group(1), "Another long one 1", "Another long one 1"))
            .hasKey("password.reset.invalid"),
        "a link works once");
    Inbox.await(recovery, "Postroom-passordet ditt er endret");

    for (int i = 0; i < PasswordHelpService.MAX_OPEN_PER_CONTACT + 2; i++) {
      help.ask("flood-" + run, "flood" + run + "@example.org", null, null);
    }
    assertEquals(
        PasswordHelpService.MAX_OPEN_PER_CONTACT,
        as(credentials, "helpdesk", () -> help.open(0, 100)).stream()
            .filter(r -> r.contactAddress().equals("flood" + run + "@example.org"))
            .count());

    // one machine with ever-new contacts: a few reach the helpdesk, the rest are dropped silently,
    // and another machine is not held back by it
    String source = "198.51.100." + (run.hashCode() & 0x7f);
    for (int i = 0; i < PasswordHelpService.MAX_PER_SOURCE_PER_HOUR + 4; i++) {
      help.ask("source-" + run, "source" + i + "-" + run + "@example.org", null, source);
    }
    help.ask("source-" + run, "elsewhere-" + run + "@example.org", null, "203.0.113.9");
    List<String> contacts =
        as(credentials, "helpdesk", () -> help.open(0, 100)).stream()
            .map(r -> r.contactAddress())
            .filter(c -> c.endsWith("-" + run + "@example.org"))
            .toList();
    assertEquals(
        PasswordHelpService.MAX_PER_SOURCE_PER_HOUR,
        contacts.stream().filter(c -> c.startsWith("source")).count(),
        contacts.toString());
    assertTrue(contacts.contains("elsewhere-" + run + "@example.org"), contacts.toString());
  }
}
