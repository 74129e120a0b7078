package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.postroom.it.Caller.as;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.directory.AccountDetail;
import org.postroom.service.directory.AccountRow;
import org.postroom.service.directory.DirectoryService;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.security.CredentialService;

/**
 * The registry import through the real service and database: generation, idempotency, bad lines,
 * closing.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryImportServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(RegistryImportServiceIT.class);
  }

  @Inject RegistryImportService imports;
  @Inject DirectoryService directory;
  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /**
   * This run's mark in names, usernames and registry ids: letters only, as in real names (a digit
   * at the end of a shortened name would read as a sequence number and make the expected addresses
   * depend on chance).
   */
  private final String run =
      UUID.randomUUID()
          .toString()
          .replace("-", "")
          .substring(0, 6)
          .chars()
          .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'q' + (c - '0') : c)))
          .collect(java.util.stream.Collectors.joining());

  private static final AffiliationPeriod STUDYING =
      new AffiliationPeriod(AffiliationKind.STUDENT, LocalDate.of(2025, 9, 1), null);
  private static final AffiliationPeriod WORKING =
      new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2020, 1, 1), null);

  private RegistryRecord person(
      String id,
      String given,
      String infixes,
      String surname,
      String domain,
      AffiliationPeriod... periods) {
    return new RegistryRecord(
        run + id, given, null, infixes, surname, "u" + run + id, domain, List.of(periods), false);
  }

  private ImportReport importAs(String user, List<RegistryRecord> records) throws Exception {
    return as(credentials, user, () -> imports.importRecords(records));
  }

  private Account account(String id) {
    return em.createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", "u" + run + id)
        .getSingleResult();
  }

  private String addressOf(String id) {
    return em.createQuery(
            "select m.address from Mailbox m where m.owner.username = :u", String.class)
        .setParameter("u", "u" + run + id)
        .getSingleResult();
  }

  @Test
  void collidingNamesGetSequenceNumbersAndSecondImportChangesNothing() throws Exception {
    String surname = "Grootveld" + run;
    List<RegistryRecord> records =
        List.of(
            person("a", "Jan Jaap", "de", surname, "umail.example-a.nl", STUDYING),
            person("b", "Johan Jacob", "de", surname, "UMAIL.example-a.nl", STUDYING),
            person("c", "Joost Jan", "de", surname, "umail.example-a.nl", WORKING));
    ImportReport first = importAs("admin", records);
    assertEquals(3, first.created(), first.toString());
    String base = ("j.j.de.grootveld" + run).substring(0, 20);
    assertEquals(base + "@umail.example-a.nl", addressOf("a"));
    assertEquals(base.substring(0, 19) + "2@umail.example-a.nl", addressOf("b"));
    assertEquals(base.substring(0, 19) + "3@umail.example-a.nl", addressOf("c"));
    Mailbox mailbox =
        em.createQuery("select m from Mailbox m where m.address = :a", Mailbox.class)
            .setParameter("a", addressOf("a"))
            .getSingleResult();
    assertEquals(300_000_000L, mailbox.getQuotaBytes());
    assertEquals(AccountType.STAFF, account("c").getType());
    assertEquals(true, account("c").hasRole("staff"));
    assertEquals(AccountType.STUDENT, account("a").getType());

    ImportReport again = importAs("admin", records);
    assertEquals(new ImportReport(0, 0, 3, 0, List.of()), again);
  }

  /** Two long names that shorten to the same stem once a number must fit never share an address. */
  @Test
  void namesThatShortenAlikeNeverShareAnAddress() throws Exception {
    ImportReport first =
        importAs(
            "admin",
            List.of(
                person(
                    "m1",
                    "Jan Jaap",
                    "van der",
                    "Müller-Lüdenscheidt",
                    "umail.example-a.nl",
                    STUDYING),
                person(
                    "m2",
                    "Johan Jozef",
                    "van der",
                    "Müller-Lüdenscheidt",
                    "umail.example-a.nl",
                    STUDYING)));
    ImportReport second =
        importAs(
            "admin",
            List.of(
                person("m3", "Joop Jan", "van der", "Muller", "umail.example-a.nl", STUDYING),
                person("m4", "Jet Jans", "van der", "Muller", "umail.example-a.nl", STUDYING)));
    assertEquals(2, first.created(), first.toString());
    assertEquals(2, second.created(), second.toString());
    List<String> addresses =
        List.of(addressOf("m1"), addressOf("m2"), addressOf("m3"), addressOf("m4"));
    assertEquals(4, Set.copyOf(addresses).size(), addresses.toString());
    assertEquals("j.j.van.der.muller2@umail.example-a.nl", addressOf("m2"));
    assertEquals("j.j.van.der.muller3@umail.example-a.nl", addressOf("m4"));
  }

  @Test
  void aNameChangeUpdatesTheNameButNeverTheAddress() throws Exception {
    importAs(
        "admin",
        List.of(person("r", "Anna", "van der", "Berg" + run, "umail.example-a.nl", STUDYING)));
    String address = addressOf("r");
    ImportReport renamed =
        importAs(
            "admin",
            List.of(
                person(
                    "r", "Anna", null, "Jansen" + run, "umail.example-a.nl", STUDYING, WORKING)));
    assertEquals(1, renamed.updated(), renamed.toString());
    assertEquals(address, addressOf("r"));
    assertEquals("Anna Jansen" + run, account("r").getDisplayName());
    assertEquals(AccountType.STAFF, account("r").getType());
  }

  @Test
  void badRecordsAreRejectedWithAReasonAndTheOthersApplied() throws Exception {
    List<RegistryRecord> records = new ArrayList<>();
    records.add(person("ok1", "Kari", null, "Nordmann" + run, "alumni.univ-d.no", STUDYING));
    records.add(
        new RegistryRecord(
            null, "X", null, null, "Y", "x" + run, "univ-b.be", List.of(STUDYING), false));
    records.add(person("nodomain", "Ola", null, "Hansen", "nowhere.example", STUDYING));
    records.add(person("noaff", "Ola", null, "Hansen", "univ-b.be"));
    records.add(person("kanji", "太郎", null, "山田", "umail.example-a.nl", STUDYING));
    records.add(person("ctl", "Eve\r\nBcc", null, "Evil", "univ-b.be", STUDYING));
    records.add(person("ok1", "Kari", null, "Again", "alumni.univ-d.no", STUDYING));
    records.add(
        new RegistryRecord(
            run + "dup",
            "Per",
            null,
            null,
            "Dup",
            "u" + run + "ok1",
            "univ-b.be",
            List.of(STUDYING),
            false));
    records.add(
        person(
            "dates",
            "Liv",
            null,
            "Dato",
            "univ-b.be",
            new AffiliationPeriod(
                AffiliationKind.STAFF, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1))));
    records.add(person("ok2", "Åse", null, "Østby" + run, "alumni.univ-d.no", WORKING));

    ImportReport report = importAs("admin", records);

    assertEquals(2, report.created(), report.toString());
    assertEquals(8, report.rejected(), report.toString());
    assertEquals(
        List.of(
            "import.registryId.invalid",
            "import.domain.unknown",
            "import.affiliation.required",
            "import.name.noAddress",
            "import.name.control",
            "import.registryId.repeated",
            "import.username.taken",
            "import.affiliation.endsBeforeStart"),
        report.rejections().stream().map(ImportReport.Rejection::key).toList());
    assertEquals(
        List.of(2, 3, 4, 5, 6, 7, 8, 9),
        report.rejections().stream().map(ImportReport.Rejection::index).toList());
    assertEquals("u" + run + "ok1@alumni.univ-d.no", addressOf("ok1"));
    assertEquals(
        0L,
        em.createQuery("select count(p) from Person p where p.registryId in :ids", Long.class)
            .setParameter(
                "ids",
                List.of(run + "nodomain", run + "noaff", run + "kanji", run + "ctl", run + "dup"))
            .getSingleResult());
  }

  @Test
  void closingEndsTheAffiliationsAndTheAccountIsLeaving() throws Exception {
    importAs("admin", List.of(person("z", "Zoë", null, "Zwart" + run, "univ-b.be", STUDYING)));
    RegistryRecord closed =
        new RegistryRecord(
            run + "z",
            "Zoë",
            null,
            null,
            "Zwart" + run,
            "u" + run + "z",
            "univ-b.be",
            List.of(),
            true);
    assertEquals(1, importAs("admin", List.of(closed)).updated());
    assertEquals(AccountState.LEAVING, account("z").getState());
    assertEquals(1, importAs("admin", List.of(closed)).unchanged());
  }

  @Test
  void theHelpdeskFindsImportedPeopleByNameUsernameOrAddress() throws Exception {
    importAs(
        "admin",
        List.of(
            person("f", "Frøydis", null, "Fjeld" + run, "umail.example-a.nl", STUDYING, WORKING)));
    String address = addressOf("f");
    for (String text :
        List.of("u" + run + "f", "FJELD" + run, address.substring(0, 8 + run.length()))) {
      List<AccountRow> found = as(credentials, "helpdesk", () -> directory.search(text, 0, 25));
      assertEquals(
          List.of(address),
          found.stream()
              .filter(r -> r.username().equals("u" + run + "f"))
              .map(AccountRow::address)
              .toList(),
          text);
      assertEquals(
          (long) found.size(), (long) as(credentials, "helpdesk", () -> directory.count(text)));
    }
    AccountDetail detail = as(credentials, "helpdesk", () -> directory.detail("U" + run + "F"));
    assertEquals(run + "f", detail.registryId());
    assertEquals(2, detail.affiliations().size());
    assertEquals(
        List.of(address), detail.ownMailboxes().stream().map(Mailbox::getAddress).toList());
    assertEquals(List.of("IMPORTED"), detail.history().stream().map(e -> e.getAction()).toList());
    assertThrows(
        EJBAccessException.class,
        () -> as(credentials, "staff", () -> directory.search("a", 0, 5)));
    assertThrows(
        org.postroom.domain.common.RuleViolationException.class,
        () -> as(credentials, "helpdesk", () -> directory.detail("nobody-" + run)));
  }

  /** Pages of the account search found next to a row are the pages counted from the top. */
  @Test
  void accountPagesFoundNextToARowAreThePagesCountedFromTheTop() throws Exception {
    List<RegistryRecord> people = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      people.add(person("k" + i, "Kari", null, "Keyset" + run, "univ-b.be", STUDYING));
    }
    importAs("admin", people);
    String text = "keyset" + run;
    as(
        credentials,
        "helpdesk",
        () -> {
          assertEquals(7L, directory.count(text));
          List<List<String>> counted = new java.util.ArrayList<>();
          for (int first = 0; first < 7; first += 3) {
            counted.add(usernames(directory.search(text, first, 3)));
          }
          List<AccountRow> page = directory.search(text, 0, 3);
          for (int p = 1; p < 3; p++) {
            page =
                directory.searchNextTo(
                    text, page.get(page.size() - 1).username(), SeekDirection.AFTER, 3);
            assertEquals(counted.get(p), usernames(page), "page " + p + " after the one before");
          }
          List<AccountRow> second =
              directory.searchNextTo(text, page.get(0).username(), SeekDirection.BEFORE, 3);
          assertEquals(counted.get(1), usernames(second), "the page before the last");
          assertEquals(
              counted.get(1),
              usernames(
                  directory.searchNextTo(text, second.get(0).username(), SeekDirection.FROM, 3)),
              "the same page again");
          assertEquals(
              counted.get(2),
              usernames(directory.searchNextTo(text, null, SeekDirection.LAST, 1)),
              "the last page");
          return null;
        });
  }

  private static List<String> usernames(List<AccountRow> rows) {
    return rows.stream().map(AccountRow::username).toList();
  }

  @Test
  void onlyAdministratorsImport() {
    assertThrows(
        EJBAccessException.class,
        () -> importAs("helpdesk", List.of(person("h", "H", null, "H", "univ-b.be", STUDYING))));
  }
}
