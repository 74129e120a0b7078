package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.asSignedIn;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.AddressChoice;
import org.postroom.service.account.AddressChoiceService;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.security.CredentialService;

/**
 * Addresses chosen by their owner (a member organisation of hosting provider E): the registry
 * import makes accounts without a mailbox, and each person chooses one address, once, within the
 * domain's rules, never one that is taken — also when two people choose the same at once.
 */
@ExtendWith(ArquillianExtension.class)
class AddressChoiceIT {

  private static final String DOMAIN = "member-e.example";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(AddressChoiceIT.class, RegistryPerson.class);
  }

  @Inject RegistryImportService imports;
  @Inject AddressChoiceService choices;
  @Inject CredentialService credentials;
  @Inject Accounts accounts;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** This run's mark: letters only, so that it fits in a local part anywhere. */
  private final String run =
      UUID.randomUUID().toString().replaceAll("[^a-f]", "").concat("abcdef").substring(0, 6);

  private List<String> importPeople(String... ids) throws Exception {
    List<RegistryRecord> records = new ArrayList<>();
    List<String> usernames = new ArrayList<>();
    for (String id : ids) {
      String username = "u" + run + id;
      usernames.add(username);
      records.add(
          new RegistryPerson(
                  "e-" + run + id,
                  "Nora",
                  "Berg " + id,
                  username,
                  DOMAIN,
                  new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null))
              .record());
    }
    ImportReport report = as(credentials, "admin", () -> imports.importRecords(records));
    assertEquals(ids.length, report.created(), report.toString());
    return usernames;
  }

  private List<Mailbox> mailboxesOf(String username) {
    return em.createQuery("select m from Mailbox m where m.owner.username = :u", Mailbox.class)
        .setParameter("u", username)
        .getResultList();
  }

  private RuleViolationException refusal(String username, String localPart) {
    return assertThrows(
        RuleViolationException.class,
        () -> asSignedIn(accounts, username, () -> choices.choose(localPart)));
  }

  @Test
  void eachPersonChoosesOneFreeAddressOnce() throws Exception {
    List<String> people = importPeople("a", "b");
    String nora = people.get(0);
    String other = people.get(1);
    assertEquals(List.of(), mailboxesOf(nora));
    assertNull(accounts.byUsername(nora).orElseThrow().getContactAddress());
    assertEquals(
        new AddressChoice(true, DOMAIN, 32, null),
        asSignedIn(accounts, nora, () -> choices.choice()));

    RuleViolationException bad = refusal(nora, "Nora..Berg\r\n");
    assertTrue(bad.hasKey("request.localPart.doubleDot"), bad.violations().toString());
    assertTrue(refusal(nora, "postmaster").hasKey("request.localPart.reserved"));
    assertTrue(refusal(nora, "x".repeat(33)).hasKey("request.localPart.tooLong"));
    assertEquals(List.of(), mailboxesOf(nora), "a refused choice creates nothing");

    String chosen = asSignedIn(accounts, nora, () -> choices.choose("  Nora.Berg." + run + " "));
    String expected = "nora.berg." + run + "@" + DOMAIN;
    assertEquals(expected, chosen);
    Mailbox mailbox = mailboxesOf(nora).get(0);
    assertEquals(MailboxKind.PERSONAL, mailbox.getKind());
    assertEquals(expected, mailbox.getAddress());
    assertEquals(nora, mailbox.getLoginName());
    assertEquals(1_000_000_000L, mailbox.getQuotaBytes());
    assertEquals(expected, accounts.byUsername(nora).orElseThrow().getContactAddress());
    assertEquals(
        new AddressChoice(false, DOMAIN, 32, expected),
        asSignedIn(accounts, nora, () -> choices.choice()));
    assertEquals(
        1L,
        em.createQuery(
                "select count(e) from AuditEntry e where e.action = 'ADDRESS_CHOSEN'"
                    + " and e.detail = :a",
                Long.class)
            .setParameter("a", expected)
            .getSingleResult());
    Inbox.Mail welcome = Inbox.await(expected, "Your mail address " + expected);
    assertTrue(
        welcome.body().contains("Login name for your mail program and for Postroom: " + nora));

    assertTrue(refusal(nora, "another." + run).hasKey("address.choice.made"));
    assertEquals(1, mailboxesOf(nora).size());

    RuleViolationException taken = refusal(other, "NORA.berg." + run);
    assertTrue(taken.hasKey("request.localPart.taken"), taken.violations().toString());
    assertEquals(List.of(), mailboxesOf(other));
  }

  @Test
  void twoPeopleChoosingTheSameAddressAtOnceGetOneMailbox() throws Exception {
    List<String> people = importPeople("c", "d");
    String wanted = "same." + run;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (String person : people) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return asSignedIn(accounts, person, () -> choices.choose(wanted));
                  } catch (RuleViolationException refused) {
                    return refused.violations().get(0).key();
                  }
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(60, TimeUnit.SECONDS));
      }
      assertTrue(
          results.contains(wanted + "@" + DOMAIN) && results.contains("request.localPart.taken"),
          results.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1L,
        em.createQuery("select count(m) from Mailbox m where m.address = :a", Long.class)
            .setParameter("a", wanted + "@" + DOMAIN)
            .getSingleResult());
    assertEquals(1, mailboxesOf(people.get(0)).size() + mailboxesOf(people.get(1)).size());
  }

  @Test
  void whereTheDomainGivesAddressesThereIsNothingToChoose() throws Exception {
    assertFalse(asSignedIn(accounts, "employee", () -> choices.choice()).open());
    RuleViolationException none =
        assertThrows(
            RuleViolationException.class,
            () -> asSignedIn(accounts, "employee", () -> choices.choose("ola.nordmann")));
    assertTrue(none.hasKey("address.choice.none"));
  }
}
