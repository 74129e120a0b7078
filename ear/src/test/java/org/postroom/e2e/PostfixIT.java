package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.address.SendPolicy;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.domain.sieve.FilterDestination;
import org.postroom.domain.sieve.FilterField;
import org.postroom.domain.sieve.FilterMatch;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.it.Caller;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.account.Accounts;
import org.postroom.service.address.AliasesAndLists;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.filter.FilterService;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.mailbox.TrashService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.mailsystem.DovecotMailSystem;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sieve.SieveScriptBuilder;
import org.postroom.service.testing.HostileText;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/**
 * What Postfix does with the addresses Postroom keeps (scripts/mail-stack: Postfix reads the
 * portal's views, Dovecot delivers over LMTP): forwards with and without a copy, aliases,
 * distribution lists, and the domain's maximum message size. Mail comes in over SMTP as from
 * another mail server; what arrived is read over IMAP.
 */
@ExtendWith(ArquillianExtension.class)
class PostfixIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String FROM = "sender@outside.example";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        PostfixIT.class,
        Processes.class,
        Imap.class,
        Smtp.class,
        MailUsers.class,
        RegistryPerson.class,
        HostileText.class);
  }

  @Inject CredentialService credentials;
  @Inject Accounts accounts;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject ForwardingService forwarding;
  @Inject AliasesAndLists addresses;
  @Inject VacationService vacations;
  @Inject DovecotMailSystem dovecot;
  @Inject FilterService filters;
  @Inject TrashService trash;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  @BeforeEach
  void postfixRuns() {
    Assumptions.assumeTrue(
        Smtp.port().isPresent(),
        "Postfix is not running: scripts/mail-stack starts it only as root");
  }

  private MailUsers users(String prefix, int count) throws Exception {
    return MailUsers.create(prefix, count, domains, imports, credentials, hasher, em, tx);
  }

  /** Waits until a message with the subject is in the mailbox, at most {@link #PATIENCE}. */
  private static void awaitSubject(String mailbox, String subject) throws Exception {
    Instant until = Instant.now().plus(PATIENCE);
    while (!Imap.subjects(mailbox).contains(subject)) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError(
            "waited "
                + PATIENCE
                + " for '"
                + subject
                + "' in "
                + mailbox
                + ": "
                + Imap.subjects(mailbox));
      }
      Thread.sleep(200);
    }
  }

  private static void sendAccepted(String to, String subject) throws Exception {
    Smtp.Answers answers = Smtp.send(FROM, to, subject, 500, true);
    assertTrue(answers.accepted(), answers.toString());
  }

  private void forward(String username, List<String> targets, boolean keepCopy) throws Exception {
    as(
        credentials,
        username,
        () -> {
          forwarding.set(targets, keepCopy);
          return null;
        });
  }

  private void stopForwarding(String username) throws Exception {
    as(
        credentials,
        username,
        () -> {
          forwarding.clear();
          return null;
        });
  }

  @Test
  void aForwardSendsMailOnAndKeepsACopyOnlyWhenAsked() throws Exception {
    MailUsers people = users("fw", 2);
    String ann = people.address(0);
    String bob = people.address(1);

    forward(people.usernames().get(0), List.of(bob.toUpperCase()), false);
    sendAccepted(ann, "forwarded without copy");
    awaitSubject(bob, "forwarded without copy");
    // the forward was resolved when Postfix took the message: Bob was its only recipient
    assertFalse(Imap.subjects(ann).contains("forwarded without copy"), "no copy was asked for");

    forward(people.usernames().get(0), List.of(bob), true);
    sendAccepted(ann, "forwarded with copy");
    awaitSubject(bob, "forwarded with copy");
    awaitSubject(ann, "forwarded with copy");

    stopForwarding(people.usernames().get(0));
    sendAccepted(ann, "no forward any more");
    awaitSubject(ann, "no forward any more");
    assertFalse(Imap.subjects(bob).contains("no forward any more"), "the forward is gone");
  }

  /**
   * The notice that mail is now forwarded lands in the owner's mailbox, although the forward keeps
   * no copy and would otherwise hand the notice to the very target it warns about (who may have set
   * it, with the owner's session).
   */
  @Test
  void theNoticeOfAForwardReachesTheOwnerPastTheForward() throws Exception {
    MailUsers people = users("fn", 2);
    String ann = people.address(0);
    String bob = people.address(1);

    forward(people.usernames().get(0), List.of(bob), false);
    awaitSubjectContaining(ann, ann);
    sendAccepted(ann, "after the notice");
    awaitSubject(bob, "after the notice");
    assertFalse(Imap.subjects(ann).contains("after the notice"), "the forward keeps no copy");
    assertTrue(
        Imap.subjects(bob).stream().noneMatch(s -> s.contains(ann)),
        "the target got no notice: " + Imap.subjects(bob));

    stopForwarding(people.usernames().get(0));
    Instant until = Instant.now().plus(PATIENCE);
    while (Imap.subjects(ann).stream().filter(s -> s.contains(ann)).count() < 2) {
      assertTrue(Instant.now().isBefore(until), "the second notice: " + Imap.subjects(ann));
      Thread.sleep(200);
    }
  }

  private static void awaitSubjectContaining(String mailbox, String part) throws Exception {
    Instant until = Instant.now().plus(PATIENCE);
    while (Imap.subjects(mailbox).stream().noneMatch(s -> s.contains(part))) {
      assertTrue(
          Instant.now().isBefore(until),
          "waited " + PATIENCE + " for a subject with " + part + ": " + Imap.subjects(mailbox));
      Thread.sleep(200);
    }
  }

  /** A forward stops with its account: a suspended or closed person's mail stays in the mailbox. */
  @Test
  void aForwardStopsWhenItsAccountIsSuspendedOrClosed() throws Exception {
    MailUsers people = users("fs", 2);
    String ann = people.address(0);
    String bob = people.address(1);
    String username = people.usernames().get(0);
    forward(username, List.of(bob), false);
    sendAccepted(ann, "while active");
    awaitSubject(bob, "while active");

    for (String state : List.of("SUSPENDED", "CLOSED")) {
      tx.begin();
      em.createNativeQuery("update account set state = ? where username = ?")
          .setParameter(1, state)
          .setParameter(2, username)
          .executeUpdate();
      tx.commit();
      sendAccepted(ann, "while " + state);
      awaitSubject(ann, "while " + state);
      assertFalse(Imap.subjects(bob).contains("while " + state), "no forward for " + state);
    }
  }

  @Test
  void anAliasAndADistributionListDeliverToTheirMailboxesAndFollowForwards() throws Exception {
    MailUsers people = users("al", 3);
    String ann = people.address(0);
    String bob = people.address(1);
    String cid = people.address(2);
    String alias = "c.alias@" + people.domain();
    String list = "project@" + people.domain();
    as(
        credentials,
        "helpdesk",
        () -> {
          addresses.addAlias(cid, alias);
          addresses.createList(list, "A temporary project", List.of(ann, cid));
          return null;
        });
    forward(people.usernames().get(0), List.of(bob), true);

    sendAccepted(alias, "to the alias");
    awaitSubject(cid, "to the alias");

    sendAccepted(list, "to the list");
    awaitSubject(ann, "to the list");
    awaitSubject(cid, "to the list");
    awaitSubject(bob, "to the list"); // through Ann's forward

    // an address nobody has is refused while the message is offered, not bounced later
    Smtp.Answers unknown = Smtp.send(FROM, "nobody@" + people.domain(), "lost", 100, true);
    assertTrue(unknown.rcpt().startsWith("550"), unknown.toString());
  }

  /**
   * Who may send is Postfix's to enforce (the policy service reads mail_lists and
   * mail_list_senders): a list for its members takes a member's mail and delivers it to every
   * member, refuses an outsider's at RCPT with a clear text; for its owners, only an owner's;
   * closed, nobody's, with the day it closed.
   */
  @Test
  void aListForItsMembersTakesTheirMailAndRefusesOutsidersAndAClosedListRefusesAll()
      throws Exception {
    MailUsers people = users("ml", 3);
    String ann = people.address(0);
    String bob = people.address(1);
    String owner = people.address(2);
    String list = "board@" + people.domain();
    as(
        credentials,
        "helpdesk",
        () -> {
          addresses.createList(list, "The project board", List.of(ann, bob));
          addresses.configureList(
              list,
              SendPolicy.MEMBERS,
              LocalDate.now().plusDays(30),
              List.of(people.usernames().get(2)));
          return null;
        });

    Smtp.Answers member = Smtp.send(ann.toUpperCase(), list, "from a member", 300, true);
    assertTrue(member.accepted(), member.toString());
    awaitSubject(ann, "from a member");
    awaitSubject(bob, "from a member");
    Smtp.Answers fromOwner = Smtp.send(owner, list, "from the owner", 300, true);
    assertTrue(fromOwner.accepted(), fromOwner.toString());
    awaitSubject(bob, "from the owner");

    Smtp.Answers outsider = Smtp.send(FROM, list, "from outside", 300, true);
    assertTrue(outsider.rcpt().startsWith("554 5.7.1"), outsider.toString());
    assertTrue(
        outsider.rcpt().contains("only its members may send to this distribution list"),
        outsider.toString());
    Smtp.Answers bounce = Smtp.send("", list, "a bounce", 300, true);
    assertTrue(bounce.rcpt().startsWith("554 5.7.1"), bounce.toString());

    // for its owners only: the owner's mail goes through, a member's no longer does
    as(
        credentials,
        "helpdesk",
        () -> {
          addresses.configureList(
              list, SendPolicy.OWNERS, null, List.of(people.usernames().get(2)));
          return null;
        });
    Smtp.Answers memberNow = Smtp.send(ann, list, "member to owners-only", 300, true);
    assertTrue(
        memberNow.rcpt().contains("only its owners may send to this distribution list"),
        memberNow.toString());
    assertTrue(Smtp.send(owner, list, "owner to owners-only", 300, true).accepted());
    awaitSubject(ann, "owner to owners-only");

    // closed: nobody's mail, with the day; nothing more reaches the members
    as(
        credentials,
        "helpdesk",
        () -> {
          addresses.closeList(list);
          return null;
        });
    Smtp.Answers closed = Smtp.send(owner, list, "after the end", 300, true);
    assertTrue(closed.rcpt().startsWith("554 5.7.1"), closed.toString());
    assertTrue(
        closed.rcpt().contains("this distribution list closed on " + LocalDate.now(ZoneOffset.UTC)),
        closed.toString());
    assertFalse(Imap.subjects(ann).contains("after the end"));
  }

  /**
   * A list at its size limit: Postfix expands 5,000 members from one lookup of Postroom's view
   * (none per member from Postroom), and the message reaches the member among them who has a
   * mailbox; the others, unknown addresses of the domain, are bounced by Postfix in one report.
   * Prints how long the list took against a message to the member directly, sent in the same run.
   */
  @Test
  void aListOfFiveThousandMembersExpandsInPostfixAndReachesItsMembers() throws Exception {
    MailUsers people = users("big", 1);
    String member = people.address(0);
    String list = "everyone@" + people.domain();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < DistributionList.MAX_MEMBERS - 1; i++) {
      members.add("nobody" + i + "@" + people.domain());
    }
    members.add(DistributionList.MAX_MEMBERS / 2, member);
    as(credentials, "helpdesk", () -> addresses.createList(list, "All of them", members));

    long direct = System.nanoTime();
    sendAccepted(member, "directly");
    awaitSubject(member, "directly");
    direct = System.nanoTime() - direct;

    long viaList = System.nanoTime();
    Smtp.Answers sent = Smtp.send(FROM, list, "to five thousand", 300, true);
    assertTrue(sent.accepted(), sent.toString());
    awaitSubject(member, "to five thousand");
    viaList = System.nanoTime() - viaList;
    System.out.printf(
        "5,000-member list: delivered to its member in %d ms, a direct message in %d ms"
            + " (ratio %.1f)%n",
        viaList / 1_000_000, direct / 1_000_000, (double) viaList / direct);
  }

  @Test
  void loopsThroughForwardsAliasesAndListsAreRefusedAndChangeNothing() throws Exception {
    MailUsers people = users("lp", 3);
    String ann = people.address(0);
    String bob = people.address(1);
    String cid = people.address(2);
    String list = "circle@" + people.domain();
    forward(people.usernames().get(0), List.of(bob), false);
    as(credentials, "helpdesk", () -> addresses.createList(list, null, List.of(bob)));

    RuleViolationException direct =
        assertThrows(
            RuleViolationException.class,
            () -> forward(people.usernames().get(1), List.of(ann), true));
    assertEquals("forward.loop", direct.violations().get(0).key());
    assertEquals(
        List.of(bob + " → " + ann + " → " + bob), direct.violations().get(0).args(), "the circle");

    // Cid forwards to the list, the list would get Cid: cid → circle → cid
    forward(people.usernames().get(2), List.of(list), false);
    RuleViolationException viaList =
        assertThrows(
            RuleViolationException.class,
            () ->
                as(
                    credentials,
                    "helpdesk",
                    () -> {
                      addresses.addListMember(list, cid.toUpperCase());
                      return null;
                    }));
    assertEquals("address.loop", viaList.violations().get(0).key());

    em.clear();
    assertEquals(
        List.of(),
        as(credentials, people.usernames().get(1), () -> forwarding.current()).targets(),
        "Bob's refused forward left nothing");
    sendAccepted(bob, "bob still receives");
    awaitSubject(bob, "bob still receives");
  }

  @Test
  void aMessageOverTheDomainsSizeLimitIsRefusedByPostfixOrBouncedAtOnce() throws Exception {
    MailUsers people = users("sz", 2);
    DomainSettings policy = as(credentials, "admin", () -> domains.settings(people.domain()));
    policy.setMaxMessageSizeMb(1L);
    as(credentials, "admin", () -> domains.update(people.domain(), policy));
    String ann = people.address(0);
    String cid = people.address(1);
    int tooLarge = 1_200_000;

    // announced, as mail servers do: refused before the data is sent
    Smtp.Answers announced = Smtp.send(FROM, ann, "too large, announced", tooLarge, true);
    assertTrue(announced.rcpt().startsWith("552 5.3.4"), announced.toString());
    assertEquals(null, announced.data());

    // not announced: Postfix takes it, Dovecot refuses it, the sender gets a bounce at once
    Smtp.Answers silent = Smtp.send(cid, ann, "too large, silent", tooLarge, false);
    assertTrue(silent.accepted(), silent.toString());
    awaitSubject(cid, "Undelivered Mail Returned to Sender");
    assertFalse(Imap.subjects(ann).contains("too large, silent"));

    // below the limit it arrives
    sendAccepted(ann, "small enough");
    awaitSubject(ann, "small enough");
    assertEquals(
        Optional.empty(),
        Imap.subjects(ann).stream().filter(s -> s.startsWith("too large")).findAny());
  }

  private long count(String mailbox, String subject) throws Exception {
    return Imap.subjects(mailbox).stream().filter(subject::equals).count();
  }

  @Test
  void aVacationReplyGoesToEachSenderOncePerIntervalThroughPostfix() throws Exception {
    MailUsers people = users("va", 4);
    String ann = people.address(0);
    String bob = people.address(1);
    String cid = people.address(2);
    String dan = people.address(3);
    String reply = "Ann is away (\"really\")";
    Caller.asSignedIn(
        accounts,
        people.usernames().get(0),
        () -> {
          vacations.set(
              new VacationForm(reply, "Back on Monday.\n.\n${not a variable}", null, null, 7));
          return null;
        });
    // Dan's reply starts tomorrow: none yet
    String later = "Dan is away from tomorrow";
    Caller.asSignedIn(
        accounts,
        people.usernames().get(3),
        () -> {
          vacations.set(new VacationForm(later, "Not yet.", LocalDate.now().plusDays(1), null, 1));
          return null;
        });
    Instant until = Instant.now().plus(PATIENCE);
    while (dovecot.sieve(ann).isEmpty() || dovecot.sieve(dan).isEmpty()) {
      assertTrue(Instant.now().isBefore(until), "Ann's script on the mail server in time");
      Thread.sleep(200);
    }
    // Pigeonhole compiles the script Postroom generated: one vacation action, the text only as data
    List<String> program = compiled(dovecot.sieve(ann).orElseThrow());
    assertEquals(
        1, program.stream().filter(op -> op.equals("VACATION")).count(), program.toString());
    assertTrue(
        program.stream().noneMatch(op -> List.of("DISCARD", "FILEINTO", "REDIRECT").contains(op)),
        program.toString());

    assertTrue(Smtp.send(bob, ann, "first from bob", 300, true).accepted());
    awaitSubject(ann, "first from bob");
    awaitSubject(bob, reply);
    assertTrue(Smtp.send(bob, ann, "second from bob", 300, true).accepted());
    awaitSubject(ann, "second from bob");
    // another sender still gets the reply: replies are going out right now
    assertTrue(Smtp.send(cid, ann, "first from cid", 300, true).accepted());
    awaitSubject(cid, reply);
    assertTrue(Smtp.send(cid, dan, "to dan", 300, true).accepted());
    awaitSubject(dan, "to dan");
    assertTrue(Smtp.send(cid, ann, "second from cid", 300, true).accepted());
    awaitSubject(ann, "second from cid");
    assertEquals(1, count(bob, reply), "Bob was answered once in the 7 days");
    assertEquals(0, count(cid, later), "Dan's reply is not active before its first day");
    assertEquals(1, count(cid, reply));
    assertEquals(0, count(ann, reply), "Ann does not answer herself");
  }

  /** The subjects in a folder of a mailbox and whether each is marked read. */
  private static List<String> folder(String mailbox, String name) throws Exception {
    try (Store store = Imap.asMaster(mailbox)) {
      Folder folder = store.getFolder(name);
      if (!folder.exists()) {
        return List.of();
      }
      folder.open(Folder.READ_ONLY);
      List<String> found = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        boolean read = message.isSet(jakarta.mail.Flags.Flag.SEEN);
        found.add(message.getSubject() + (read ? " (read)" : ""));
      }
      folder.close(false);
      return found;
    }
  }

  private static void awaitIn(String mailbox, String name, String entry) throws Exception {
    Instant until = Instant.now().plus(PATIENCE);
    while (!folder(mailbox, name).contains(entry)) {
      assertTrue(
          Instant.now().isBefore(until),
          "'" + entry + "' in " + mailbox + "/" + name + ": " + folder(mailbox, name));
      Thread.sleep(200);
    }
  }

  @Test
  void filterRulesSortArrivingMailAsTheySay() throws Exception {
    MailUsers people = users("fr", 2);
    String ann = people.address(0);
    String bob = people.address(1);
    String debates = "Lists/Débats \"2026\"";
    Caller.asSignedIn(
        accounts,
        people.usernames().get(0),
        () -> {
          filters.add(
              new FilterSpec(
                  FilterField.SUBJECT,
                  null,
                  FilterMatch.CONTAINS,
                  "[debate]",
                  null,
                  FilterDestination.FOLDER,
                  debates,
                  true,
                  bob,
                  true));
          filters.add(
              new FilterSpec(
                  FilterField.FROM,
                  null,
                  FilterMatch.IS,
                  FROM,
                  null,
                  FilterDestination.TRASH,
                  null,
                  false,
                  null,
                  false));
          return null;
        });
    Instant until = Instant.now().plus(PATIENCE);
    while (!dovecot.sieve(ann).map(script -> script.contains("filter rule 2")).orElse(false)) {
      assertTrue(Instant.now().isBefore(until), "Ann's rules on the mail server in time");
      Thread.sleep(200);
    }
    // Pigeonhole compiles exactly the intended actions: a copy, a folder, stop; then the trash
    assertEquals(
        List.of(
            "HEADER",
            "JMPFALSE",
            "REDIRECT",
            "FILEINTO",
            "STOP",
            "ADDRESS",
            "JMPFALSE",
            "FILEINTO"),
        compiled(dovecot.sieve(ann).orElseThrow()));

    assertTrue(Smtp.send(bob, ann, "[debate] budget", 300, true).accepted());
    sendAccepted(ann, "newsletter");
    assertTrue(Smtp.send(bob, ann, "plain", 300, true).accepted());
    awaitIn(ann, debates, "[debate] budget (read)");
    awaitIn(ann, "Trash", "newsletter");
    awaitSubject(ann, "plain");
    awaitSubject(bob, "[debate] budget");
    assertEquals(List.of("plain"), Imap.subjects(ann), "the sorted mail is not in the inbox");
  }

  @Test
  void deletedMailLeavesTheTrashAtOnceOnlyForWhoChoseIt() throws Exception {
    MailUsers people = users("tr", 2);
    String ann = people.address(0);
    String bob = people.address(1);
    Caller.asSignedIn(
        accounts,
        people.usernames().get(0),
        () -> {
          trash.keepDeleted(false);
          return null;
        });
    for (String mailbox : List.of(ann, bob)) {
      try (Store store = Imap.asMaster(mailbox)) {
        Folder deleted = store.getFolder("Trash");
        jakarta.mail.internet.MimeMessage message =
            new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null);
        message.setSubject("deleted");
        message.setText("gone?");
        deleted.appendMessages(new Message[] {message});
      }
    }
    // Dovecot expunges what has been in the trash for 1 s when one of Ann's sessions ends
    Thread.sleep(1500);
    Instant until = Instant.now().plus(PATIENCE);
    while (!folder(ann, "Trash").isEmpty()) {
      assertTrue(Instant.now().isBefore(until), "Ann's trash emptied: " + folder(ann, "Trash"));
      Thread.sleep(300);
    }
    assertEquals(List.of("deleted"), folder(bob, "Trash"), "Bob's domain keeps deleted mail");
  }

  /**
   * Every script Postroom writes from the known attacks of public Sieve and header injection
   * reports ({@link HostileText}) compiles with Pigeonhole, and to exactly the actions intended:
   * what the rules accept stays data.
   */
  @Test
  void everyScriptMadeFromKnownAttacksCompilesToItsIntendedActions() throws Exception {
    MailDomain domain =
        new MailDomain(
            "univ-b.example",
            "en",
            new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5_000_000_000L, false));
    int compiled = 0;
    for (String attack : HostileText.KNOWN) {
      VacationReply reply =
          new VacationReply(Mailbox.shared(domain, "ann@univ-b.example", List.of(), Instant.now()));
      // the attack where the reply's rules take it: subject and body, else the body, else neither
      for (String[] text :
          new String[][] {
            {"Away " + attack, "Back soon " + attack},
            {"Away", "Back soon " + attack},
            {"Away", "Back"}
          }) {
        try {
          reply.set(text[0], text[1], null, null, 7, Instant.now());
          break;
        } catch (RuleViolationException refused) {
          // the next, plainer text
        }
      }
      FilterSpec rule =
          new FilterSpec(
                  FilterField.SUBJECT,
                  null,
                  FilterMatch.CONTAINS,
                  "x" + attack,
                  null,
                  FilterDestination.FOLDER,
                  "Lists",
                  false,
                  null,
                  true)
              .normalized();
      List<FilterSpec> rules = rule.violations().isEmpty() ? List.of(rule) : List.of();
      String script =
          new SieveScriptBuilder()
              .vacation(reply, List.of("ann@univ-b.example"))
              .filters(rules)
              .build();
      List<String> program = compiled(script);
      assertEquals(
          1, program.stream().filter(op -> op.equals("VACATION")).count(), attack + ": " + program);
      assertEquals(
          rules.size(),
          program.stream().filter(op -> op.equals("FILEINTO")).count(),
          attack + ": " + program);
      assertFalse(program.contains("REDIRECT"), attack + ": " + program);
      assertFalse(program.contains("DISCARD"), attack + ": " + program);
      compiled++;
    }
    assertEquals(HostileText.KNOWN.size(), compiled);
  }

  /**
   * The opcodes of a script as Pigeonhole's {@code sievec} compiles it and {@code sieve-dump} lists
   * them, with the end-to-end Dovecot's configuration (its Sieve extensions).
   */
  private static List<String> compiled(String script) throws Exception {
    Path dir = Files.createTempDirectory("sievec");
    try {
      Path source = dir.resolve("postroom.sieve");
      Path binary = dir.resolve("postroom.svbin");
      Files.writeString(source, script);
      String config =
          Settings.get("postroom.e2e.stack.dir").orElseThrow() + "/dovecot/dovecot.conf";
      Processes.run("/usr/bin/sievec", "-c", config, source.toString(), binary.toString());
      List<String> opcodes = new ArrayList<>();
      Pattern line = Pattern.compile("^[0-9a-f]{8}:\\s+\\d+: ([A-Z][A-Z_]*)\\b.*");
      for (String dumped :
          Processes.run("/usr/bin/sieve-dump", "-c", config, binary.toString()).split("\n")) {
        Matcher opcode = line.matcher(dumped);
        if (opcode.matches()) {
          opcodes.add(opcode.group(1));
        }
      }
      return opcodes;
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }
}
