package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.asSignedIn;
import static org.postroom.it.Caller.run;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.directory.Person;
import org.postroom.domain.directory.PersonName;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.account.AccountService;
import org.postroom.service.account.Accounts;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.security.CredentialService;
import org.postroom.service.sharedmailbox.NewListRequest;
import org.postroom.service.sharedmailbox.NewSharedMailboxRequest;
import org.postroom.service.sharedmailbox.OpenDomain;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.postroom.service.sharedmailbox.RequestQuery.Seek;
import org.postroom.service.sharedmailbox.RequestRow;
import org.postroom.service.sharedmailbox.RequestView;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * The shared-mailbox workflow through the real services in the running server, as the demo users:
 * rules, roles, ownership, concurrent decisions, audit entries and the mails that reach the
 * requester.
 */
@ExtendWith(ArquillianExtension.class)
class SharedMailboxRequestServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(SharedMailboxRequestServiceIT.class);
  }

  @Inject SharedMailboxRequestService requests;
  @Inject CredentialService credentials;
  @Inject Accounts accounts;
  @Inject AccountService accountSuggestions;
  @Resource UserTransaction tx;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource ManagedExecutorService executor;

  /**
   * A local part no other test (or earlier run) uses: letters and digits, at most 16 characters.
   */
  private static String uniqueLocalPart() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private long submit(String asUser, String localPart, List<String> members) throws Exception {
    return as(
        credentials,
        asUser,
        () ->
            requests.submit(
                new NewSharedMailboxRequest(
                    "univ-b.be", localPart, "t = test", "Secretariat of the test group", members)));
  }

  private RequestView read(String asUser, long id) throws Exception {
    return as(credentials, asUser, () -> requests.find(id));
  }

  private List<AuditEntry> auditOf(long requestId) {
    return em.createQuery(
            "select a from AuditEntry a where a.subjectType = 'SharedMailboxRequest'"
                + " and a.subjectId = :id order by a.id",
            AuditEntry.class)
        .setParameter("id", requestId)
        .getResultList();
  }

  private long mailboxesWithAddress(String address) {
    return em.createQuery("select count(m) from Mailbox m where m.address = :a", Long.class)
        .setParameter("a", address)
        .getSingleResult();
  }

  @Test
  void aListRequestReportsEveryBrokenRuleAtOnceAndStoresNothing() throws Exception {
    String localPart = uniqueLocalPart();
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                as(
                    credentials,
                    "staff",
                    () ->
                        requests.submitList(
                            new NewListRequest(
                                "univ-b.be",
                                localPart,
                                " ",
                                List.of("student"),
                                List.of(),
                                List.of("a@example.org", "x@y", "Bob <bob@example.org>\r\nBcc:"),
                                SendPolicy.MEMBERS,
                                LocalDate.now()))));
    assertEquals(
        List.of(
            "request.purpose.required",
            "request.owners.staff",
            "request.externals.malformed",
            "request.endsOn.future"),
        refused.violations().stream().map(Violation::key).toList());
    assertEquals(
        0L,
        em.createQuery(
                "select count(r) from SharedMailboxRequest r where r.address = :a", Long.class)
            .setParameter("a", localPart + "@univ-b.be")
            .getSingleResult());
  }

  @Test
  void anOwnerOfARequestedListCannotApproveItAndAnotherHelpdeskMemberMakesTheList()
      throws Exception {
    String localPart = uniqueLocalPart();
    String address = localPart + "@univ-b.be";
    long id =
        as(
            credentials,
            "staff",
            () ->
                requests.submitList(
                    new NewListRequest(
                        "univ-b.be",
                        localPart,
                        "Project team",
                        List.of("staff", "helpdesk"),
                        List.of("staff2"),
                        List.of("partner@example.org"),
                        SendPolicy.OWNERS,
                        null)));
    RequestView seen = read("helpdesk", id);
    assertEquals(RequestKind.DISTRIBUTION_LIST, seen.kind());
    RuleViolationException own =
        assertThrows(
            RuleViolationException.class,
            () -> run(credentials, "helpdesk", () -> requests.approve(id, seen.version())));
    assertEquals("request.ownRequest", own.violations().get(0).key());

    run(credentials, "helpdesk2", () -> requests.approve(id, read("helpdesk2", id).version()));
    assertEquals(RequestState.PROVISIONED, read("staff", id).state());
    DistributionList list =
        em.createQuery(
                "select l from DistributionList l left join fetch l.members where l.address = :a",
                DistributionList.class)
            .setParameter("a", address)
            .getSingleResult();
    assertEquals(SendPolicy.OWNERS, list.getSendPolicy());
    assertEquals(
        new java.util.TreeSet<>(List.of("partner@example.org", "staff2@univ-b.be")),
        new java.util.TreeSet<>(list.getMembers()));
    assertEquals(
        0L,
        em.createQuery(
                "select count(r) from SharedMailboxRequest r where r.openAddress = :a", Long.class)
            .setParameter("a", address)
            .getSingleResult(),
        "the list holds the address now, not the request");

    // the project goes on: an owner asks for a later last day, someone else cannot
    LocalDate later = LocalDate.now().plusDays(90);
    RuleViolationException notOwner =
        assertThrows(
            RuleViolationException.class,
            () ->
                as(
                    credentials,
                    "staff3",
                    () -> requests.submitListExtension(address, later, "We go on")));
    assertEquals("distributionList.notFound", notOwner.violations().get(0).key());
    long extension =
        as(
            credentials,
            "staff",
            () -> requests.submitListExtension(address, later, "The project runs a year longer"));
    RequestView asked = read("helpdesk2", extension);
    assertEquals(RequestKind.LIST_EXTENSION, asked.kind());
    assertEquals(later, asked.endsOn());
    run(credentials, "helpdesk2", () -> requests.approve(extension, asked.version()));
    em.clear();
    assertEquals(
        later,
        em.createQuery(
                "select l.endsOn from DistributionList l where l.address = :a", LocalDate.class)
            .setParameter("a", address)
            .getSingleResult());
    Inbox.await("staff@univ-b.be", "The distribution list " + address + " now ends on " + later);
  }

  @Test
  void approvalProvisionsTheSharedMailboxWithItsMembersAndMailsTheRequester() throws Exception {
    String localPart = uniqueLocalPart();
    long id = submit("staff", localPart.toUpperCase(), List.of("staff2", "Student"));
    String address = localPart + "@univ-b.be";

    Inbox.Mail receipt =
        Inbox.await("staff@univ-b.be", "Request received: shared mailbox " + address);
    assertTrue(receipt.body().contains("Sanne de Vries"), receipt.body());
    assertTrue(
        receipt.body().contains("Thomas Maes (student2)") || receipt.body().contains("(student)"));

    RequestView submitted = read("helpdesk", id);
    assertEquals(RequestState.SUBMITTED, submitted.state());
    run(credentials, "helpdesk", () -> requests.approve(id, submitted.version()));

    RequestView done = read("staff", id);
    assertEquals(RequestState.PROVISIONED, done.state());
    assertEquals("helpdesk", done.decidedBy());
    Mailbox mailbox =
        em.createQuery(
                "select m from Mailbox m left join fetch m.members where m.address = :a",
                Mailbox.class)
            .setParameter("a", address)
            .getSingleResult();
    assertEquals(MailboxKind.SHARED, mailbox.getKind());
    assertEquals(address, mailbox.getLoginName());
    assertEquals(5_000_000_000L, mailbox.getQuotaBytes());
    assertFalse(mailbox.isForwardAllowed());
    assertEquals(
        Set.of("staff2", "student"),
        Set.copyOf(mailbox.getMembers().stream().map(a -> a.getUsername()).toList()));

    assertEquals(
        List.of("SUBMITTED", "APPROVED", "PROVISIONED"),
        auditOf(id).stream().map(AuditEntry::getAction).toList());
    assertEquals(
        List.of("staff", "helpdesk", "helpdesk"),
        auditOf(id).stream().map(AuditEntry::getActor).toList());

    Inbox.Mail approval = Inbox.await("staff@univ-b.be", "Shared mailbox " + address + " is ready");
    assertTrue(approval.body().contains("Address: " + address), approval.body());
    // University B's server lets members log in with the shared address and their own password
    assertTrue(
        approval
            .body()
            .contains(
                "As an account of its own: login name "
                    + address
                    + " with each member's own password"),
        approval.body());
    assertTrue(
        approval
            .body()
            .contains("Or as a folder: shared/" + address + " in their own mail program"),
        approval.body());
    assertTrue(approval.body().contains("Pieter Janssens (staff2)"), approval.body());
    assertTrue(approval.body().contains("Lotte Peeters (student)"), approval.body());
    assertTrue(approval.from().contains("postroom@localhost"), approval.from());
    // the members hear it too, with how to open it; the requester, no member here, only once
    // (Pieter Janssens reads Dutch, Lotte Peeters English)
    for (String member : List.of("staff2@univ-b.be", "student@univ-b.be")) {
      Inbox.Mail access = Inbox.await(member, address);
      assertTrue(access.body().contains("Sanne de Vries"), access.body());
      assertTrue(access.body().contains("shared/" + address), access.body());
    }
    assertTrue(
        Inbox.read("staff@univ-b.be").stream()
            .noneMatch(m -> m.subject().contains("new shared mailbox " + address)));
  }

  /**
   * A staff member of University B from the registry whose account has no contact address: with a
   * mailbox of their own or without one.
   */
  private String stafferWithoutContact(boolean withMailbox) throws Exception {
    String username = "nc" + uniqueLocalPart().substring(1, 9);
    Instant now = Instant.now();
    tx.begin();
    MailDomain universityB =
        em.createQuery("select d from MailDomain d where d.name = 'univ-b.be'", MailDomain.class)
            .getSingleResult();
    Person person =
        new Person("nc-" + username, new PersonName("Noor", null, null, "Contactloos"), now);
    person.replaceAffiliations(
        List.of(new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(1), null)),
        now);
    em.persist(person);
    Account account =
        Account.forPerson(person, username, universityB, AccountType.STAFF, null, now);
    em.persist(account);
    if (withMailbox) {
      String address = username + ".own@univ-b.be";
      em.persist(Mailbox.personal(universityB, address, address, account, now));
    }
    tx.commit();
    return username;
  }

  @Test
  void aNotificationNeverUndoesTheRequestItReports() throws Exception {
    String withoutAnything = stafferWithoutContact(false);
    String localPart = uniqueLocalPart();
    long id =
        asSignedIn(
            accounts,
            withoutAnything,
            () ->
                requests.submit(
                    new NewSharedMailboxRequest(
                        "univ-b.be", localPart, null, "Lab of the test group", List.of("staff"))));
    assertEquals(RequestState.SUBMITTED, read("helpdesk", id).state());
    Account account = accounts.byUsername(withoutAnything).orElseThrow();
    assertEquals(
        List.of("request.submitted"),
        em.createQuery(
                "select e.detail from AuditEntry e where e.subjectType = 'Account'"
                    + " and e.subjectId = :id and e.action = 'NOT_MAILED'",
                String.class)
            .setParameter("id", account.getId())
            .getResultList(),
        "the mail that could not be made is recorded on the person's history");

    // with a mailbox of their own, that is where the receipt goes
    String withMailbox = stafferWithoutContact(true);
    String second = uniqueLocalPart();
    asSignedIn(
        accounts,
        withMailbox,
        () ->
            requests.submit(
                new NewSharedMailboxRequest(
                    "univ-b.be", second, null, "Lab of the test group", List.of("staff"))));
    // in the domain's language, Dutch
    Inbox.await(withMailbox + ".own@univ-b.be", "Aanvraag ontvangen: gedeelde mailbox " + second);
  }

  @Test
  void requestsAndMembersStayWithinOnesOwnInstitution() throws Exception {
    // University A's employee: University B's domain is not his to request in
    assertEquals(
        List.of(), asSignedIn(accounts, "employee", () -> requests.domainsOpenForRequests()));
    assertEquals(
        List.of("univ-b.be"),
        as(credentials, "staff", () -> requests.domainsOpenForRequests()).stream()
            .map(OpenDomain::name)
            .toList());
    // (signed in as the institution would vouch for him, without a password)
    RuleViolationException foreignDomain =
        assertThrows(
            RuleViolationException.class,
            () ->
                asSignedIn(
                    accounts,
                    "employee",
                    () ->
                        requests.submit(
                            new NewSharedMailboxRequest(
                                "univ-b.be",
                                uniqueLocalPart(),
                                null,
                                "Secretariat of the test group",
                                List.of("staff")))));
    assertTrue(foreignDomain.hasKey("request.domain.closed"), foreignDomain.toString());

    // and University B's staff cannot give access to University A's or provider E's people
    String localPart = uniqueLocalPart();
    RuleViolationException foreignMembers =
        assertThrows(
            RuleViolationException.class,
            () -> submit("staff", localPart, List.of("staff2", "employee", "member")));
    assertEquals(
        List.of(List.of("employee, member")),
        foreignMembers.violations().stream()
            .filter(v -> v.key().equals("request.members.otherInstitution"))
            .map(v -> v.args())
            .toList());
    assertEquals(0, mailboxesWithAddress(localPart + "@univ-b.be"));
    assertTrue(
        as(credentials, "staff", () -> accountSuggestions.suggest("jan")).stream()
            .noneMatch(s -> s.username().equals("employee")),
        "Jan de Groot of University A is not offered to University B's staff");
  }

  @Test
  void rejectionNeedsAReasonAndMailsIt() throws Exception {
    String localPart = uniqueLocalPart();
    long id = submit("staff", localPart, List.of("staff"));
    long version = read("helpdesk", id).version();

    RuleViolationException noReason =
        assertThrows(
            RuleViolationException.class,
            () -> run(credentials, "helpdesk", () -> requests.reject(id, version, "  ")));
    assertTrue(noReason.hasKey("request.reason.required"));
    assertEquals(RequestState.SUBMITTED, read("helpdesk", id).state());

    run(
        credentials,
        "helpdesk2",
        () -> requests.reject(id, version, "Please ask for a distribution list"));
    RequestView rejected = read("staff", id);
    assertEquals(RequestState.REJECTED, rejected.state());
    assertEquals("helpdesk2", rejected.decidedBy());
    assertEquals(0, mailboxesWithAddress(localPart + "@univ-b.be"));
    Inbox.Mail mail =
        Inbox.await("staff@univ-b.be", "Request for " + localPart + "@univ-b.be not approved");
    assertTrue(mail.body().contains("Please ask for a distribution list"), mail.body());
    assertEquals(
        List.of("SUBMITTED", "REJECTED"), auditOf(id).stream().map(AuditEntry::getAction).toList());
  }

  @Test
  void theRequesterCancelsWhileOpenAndTheAddressBecomesFree() throws Exception {
    String localPart = uniqueLocalPart();
    long id = submit("staff", localPart, List.of("staff"));

    RuleViolationException foreign =
        assertThrows(
            RuleViolationException.class,
            () -> run(credentials, "staff2", () -> requests.cancel(id)));
    assertTrue(foreign.hasKey("request.notFound"));

    run(credentials, "staff", () -> requests.cancel(id));
    assertEquals(RequestState.CANCELLED, read("staff", id).state());
    RuleViolationException again =
        assertThrows(
            RuleViolationException.class,
            () -> run(credentials, "staff", () -> requests.cancel(id)));
    assertTrue(again.hasKey("request.state.decided"));

    long second = submit("staff2", localPart, List.of("staff2"));
    assertEquals(RequestState.SUBMITTED, read("staff2", second).state());
  }

  @Test
  void anAddressCanBeClaimedOnceInAnyCase() throws Exception {
    String localPart = uniqueLocalPart();
    submit("staff", localPart, List.of("staff"));
    RuleViolationException taken =
        assertThrows(
            RuleViolationException.class,
            () -> submit("staff2", localPart.toUpperCase(), List.of("staff2")));
    assertTrue(taken.hasKey("request.localPart.taken"));
    assertEquals("localPart", taken.violations().get(0).field());
  }

  @Test
  void brokenRulesAreAllReportedAndNothingIsStored() throws Exception {
    long before =
        em.createQuery("select count(r) from SharedMailboxRequest r", Long.class).getSingleResult();
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                submit(
                    "staff",
                    "9-lab\r\nBcc: x@evil.example",
                    List.of("student", "student2", "nobody.here")));
    assertTrue(refused.hasKey("request.localPart.characters"));
    assertTrue(refused.hasKey("request.localPart.startLetter"));
    assertTrue(refused.hasKey("request.members.staffRequired"));
    assertTrue(refused.hasKey("request.members.unknown"));
    assertEquals(
        before,
        em.createQuery("select count(r) from SharedMailboxRequest r", Long.class)
            .getSingleResult());

    RuleViolationException tooMany =
        assertThrows(
            RuleViolationException.class,
            () ->
                submit(
                    "staff",
                    uniqueLocalPart(),
                    List.of("staff", "staff2", "staff3", "helpdesk", "helpdesk2", "admin")));
    assertTrue(tooMany.hasKey("request.members.count"));
    RuleViolationException alumnus =
        assertThrows(
            RuleViolationException.class,
            () -> submit("staff", uniqueLocalPart(), List.of("staff", "alumnus")));
    assertTrue(alumnus.hasKey("request.members.kind"));
  }

  @Test
  void rolesAreEnforcedInTheService() throws Exception {
    assertThrows(
        EJBAccessException.class, () -> submit("student", uniqueLocalPart(), List.of("staff")));
    long id = submit("staff", uniqueLocalPart(), List.of("staff"));
    long version = read("staff", id).version();
    assertThrows(
        EJBAccessException.class,
        () -> run(credentials, "staff", () -> requests.approve(id, version)));
    assertThrows(
        EJBAccessException.class,
        () -> run(credentials, "staff2", () -> requests.reject(id, version, "no")));
    assertThrows(
        EJBAccessException.class,
        () -> run(credentials, "staff", () -> requests.queue(RequestQuery.firstPage(null))));
    assertEquals(RequestState.SUBMITTED, read("staff", id).state());
  }

  @Test
  void nobodyReadsAnotherPersonsRequest() throws Exception {
    long id = submit("staff", uniqueLocalPart(), List.of("staff"));
    for (String stranger : List.of("staff2", "student", "alumnus")) {
      RuleViolationException hidden =
          assertThrows(RuleViolationException.class, () -> read(stranger, id), stranger);
      assertTrue(hidden.hasKey("request.notFound"));
    }
    assertEquals(id, read("helpdesk", id).id());
    RuleViolationException unknown =
        assertThrows(RuleViolationException.class, () -> read("staff", -1));
    assertTrue(unknown.hasKey("request.notFound"));
    List<RequestRow> mine =
        as(
            credentials,
            "staff2",
            () ->
                requests.mine(
                    new RequestQuery(
                        null, null, null, RequestQuery.Sort.SUBMITTED, false, 0, 100)));
    assertTrue(mine.stream().allMatch(r -> r.requesterUsername().equals("staff2")));
  }

  @Test
  void whenTwoHelpdeskMembersDecideAtOnceExactlyOneWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      String localPart = uniqueLocalPart();
      long id = submit("staff", localPart, List.of("staff", "student"));
      long version = read("helpdesk", id).version();
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<String>> outcomes = new ArrayList<>();
      for (String helpdesk : List.of("helpdesk", "helpdesk2")) {
        outcomes.add(
            executor.submit(
                () -> {
                  try {
                    run(
                        credentials,
                        helpdesk,
                        () -> {
                          together.await(10, TimeUnit.SECONDS);
                          if (helpdesk.equals("helpdesk")) {
                            requests.approve(id, version);
                          } else {
                            requests.reject(id, version, "Rejected by the second helpdesk member");
                          }
                        });
                    return "won";
                  } catch (RuleViolationException lost) {
                    return lost.violations().get(0).key();
                  }
                }));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(60, TimeUnit.SECONDS));
      }
      assertEquals(1, results.stream().filter("won"::equals).count(), results.toString());
      String loser = results.stream().filter(r -> !r.equals("won")).findFirst().orElseThrow();
      assertTrue(
          Set.of("request.concurrentDecision", "request.alreadyDecided", "request.concurrentChange")
              .contains(loser),
          loser);
      RequestView decided = read("staff", id);
      long decisions =
          auditOf(id).stream()
              .filter(a -> a.getAction().equals("APPROVED") || a.getAction().equals("REJECTED"))
              .count();
      assertEquals(1, decisions);
      assertEquals(
          decided.state() == RequestState.PROVISIONED ? 1 : 0,
          mailboxesWithAddress(localPart + "@univ-b.be"));
    }
  }

  @Test
  void theQueuePagesSortsAndFiltersInTheDatabase() throws Exception {
    String marker = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    for (int i = 0; i < 7; i++) {
      submit("staff3", marker + "x" + i, List.of("staff3"));
    }
    long matching =
        as(
            credentials,
            "helpdesk",
            () ->
                requests.countQueue(
                    new RequestQuery(RequestState.SUBMITTED, null, marker, null, true, 0, 5)));
    assertEquals(7, matching);
    List<RequestRow> firstPage =
        as(
            credentials,
            "helpdesk",
            () ->
                requests.queue(
                    new RequestQuery(
                        RequestState.SUBMITTED,
                        null,
                        marker,
                        RequestQuery.Sort.ADDRESS,
                        false,
                        0,
                        5)));
    List<RequestRow> secondPage =
        as(
            credentials,
            "helpdesk",
            () ->
                requests.queue(
                    new RequestQuery(
                        RequestState.SUBMITTED,
                        null,
                        marker,
                        RequestQuery.Sort.ADDRESS,
                        false,
                        5,
                        5)));
    assertEquals(5, firstPage.size());
    assertEquals(2, secondPage.size());
    assertEquals(marker + "x6@univ-b.be", firstPage.get(0).address());
    assertEquals(marker + "x0@univ-b.be", secondPage.get(1).address());
    assertEquals(
        0L,
        (long)
            as(
                credentials,
                "helpdesk",
                () ->
                    requests.countQueue(
                        new RequestQuery(RequestState.REJECTED, null, marker, null, true, 0, 5))));
    long byRequesterName =
        as(
            credentials,
            "helpdesk",
            () ->
                requests.countQueue(
                    new RequestQuery(null, null, "INGRID SOLBERG", null, true, 0, 5)));
    assertTrue(byRequesterName >= 7, "requests found by the requester's name: " + byRequesterName);
  }

  /**
   * A page found next to a row shown (after it, at it, before it, or the last page) holds exactly
   * the rows that counting from the top finds, in every order and both directions.
   */
  @Test
  void pagesFoundNextToARowAreThePagesCountedFromTheTop() throws Exception {
    String marker = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    for (int i = 0; i < 7; i++) {
      submit(i % 2 == 0 ? "staff3" : "staff", marker + "y" + (i * 3 % 7), List.of("staff3"));
    }
    as(
        credentials,
        "helpdesk",
        () -> {
          for (RequestQuery.Sort sort : RequestQuery.Sort.values()) {
            for (boolean ascending : List.of(true, false)) {
              List<List<Long>> counted = new ArrayList<>();
              for (int first = 0; first < 7; first += 3) {
                counted.add(
                    ids(
                        requests.queue(
                            new RequestQuery(null, null, marker, sort, ascending, first, 3))));
              }
              String order = sort + (ascending ? " ascending" : " descending");
              RequestQuery top = new RequestQuery(null, null, marker, sort, ascending, 0, 3);
              List<RequestRow> page = requests.queue(top);
              for (int p = 1; p < 3; p++) {
                page =
                    requests.queue(
                        top.seeking(
                            new Seek(page.get(page.size() - 1), SeekDirection.AFTER), p * 3, 3));
                assertEquals(
                    counted.get(p), ids(page), order + ": page " + p + " after the one before");
              }
              List<RequestRow> second =
                  requests.queue(top.seeking(new Seek(page.get(0), SeekDirection.BEFORE), 3, 3));
              assertEquals(counted.get(1), ids(second), order + ": the page before the last");
              assertEquals(
                  counted.get(1),
                  ids(
                      requests.queue(
                          top.seeking(new Seek(second.get(0), SeekDirection.FROM), 3, 3))),
                  order + ": the same page again");
              assertEquals(
                  counted.get(2),
                  ids(requests.queue(top.seeking(new Seek(null, SeekDirection.LAST), 6, 1))),
                  order + ": the last page");
            }
          }
          return null;
        });
  }

  private static List<Long> ids(List<RequestRow> rows) {
    return rows.stream().map(RequestRow::id).toList();
  }

  /**
   * Four eyes: a helpdesk member who asked for a mailbox, or would become one of its members, does
   * not approve it; another helpdesk member does.
   */
  @Test
  void noHelpdeskMemberApprovesTheirOwnAccess() throws Exception {
    long own = submit("helpdesk", uniqueLocalPart(), List.of("staff2"));
    long asMember = submit("staff", uniqueLocalPart(), List.of("staff2", "helpdesk"));
    for (long id : List.of(own, asMember)) {
      long version = read("helpdesk", id).version();
      RuleViolationException refused =
          assertThrows(
              RuleViolationException.class,
              () -> run(credentials, "helpdesk", () -> requests.approve(id, version)));
      assertTrue(refused.hasKey("request.ownRequest"), refused.getMessage());
      assertEquals(RequestState.SUBMITTED, read("helpdesk2", id).state());
      run(credentials, "helpdesk2", () -> requests.approve(id, version));
      assertEquals(RequestState.PROVISIONED, read("helpdesk2", id).state());
    }
  }
}
