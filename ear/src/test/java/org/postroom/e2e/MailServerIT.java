package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Quota;
import jakarta.mail.QuotaAwareStore;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.it.Caller;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.it.RunMark;
import org.postroom.it.TestDomains;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.AddressChoiceService;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.quota.QuotaScan;
import org.postroom.service.quota.QuotaScanReport;
import org.postroom.service.quota.QuotaService;
import org.postroom.service.security.CredentialService;

/**
 * Postroom on PostgreSQL with a real Dovecot reading the portal's views (scripts/mail-stack): what
 * a mail client sees once Postroom has made a mailbox. The newcomer of hosting provider E's member
 * chooses her address in Postroom and logs in over IMAP with her Postroom password, by username or
 * by address; the quota Postroom set is what GETQUOTAROOT shows.
 */
@ExtendWith(ArquillianExtension.class)
class MailServerIT {

  private static final String ADDRESS = "nora.berg@member-e.example";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        MailServerIT.class, Imap.class, Lmtp.class, Smtp.class, RegistryPerson.class);
  }

  @Inject AddressChoiceService addresses;
  @Inject CredentialService credentials;
  @Inject Accounts accounts;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject QuotaScan quotaScan;
  @Inject QuotaService quotas;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static String password() {
    return Settings.get("postroom.demo.password").orElseThrow();
  }

  private static Store imap(String user, String password) throws Exception {
    return Imap.login(user, password);
  }

  @Test
  void aMailboxMadeInPostroomOpensOverImapWithThePostroomPasswordAndItsQuota() throws Exception {
    // no mailbox yet: Dovecot knows nobody of that name
    assertThrows(AuthenticationFailedException.class, () -> imap("newcomer", password()));

    String chosen = as(credentials, "newcomer", () -> addresses.choose("Nora.Berg"));
    assertEquals(ADDRESS, chosen);

    for (String login : new String[] {"newcomer", ADDRESS, "NewComer"}) {
      try (Store store = imap(login, password())) {
        assertEquals(List.of(), deliveredFromOutside(store));
        Quota[] quotas = ((QuotaAwareStore) store).getQuota("INBOX");
        assertEquals(1, quotas.length);
        Quota.Resource storage = quotas[0].resources[0];
        assertEquals("STORAGE", storage.name);
        // 1,000 MB (decimal, as the policy states it) in the KiB that IMAP counts
        assertEquals((1000L * 1000 * 1000 + 1023) / 1024, storage.limit);
      }
    }
    AuthenticationFailedException wrong =
        assertThrows(AuthenticationFailedException.class, () -> imap("newcomer", password() + "x"));
    assertTrue(wrong.getMessage().contains("AUTHENTICATIONFAILED"), wrong.getMessage());
    // a demo account without any mailbox has no mail login at all
    assertThrows(AuthenticationFailedException.class, () -> imap("student", password()));
  }

  /** A new person's mailbox in a new domain whose staff get 1 MB (warned from 90 %). */
  private String oneMegabyteMailbox() throws Exception {
    String run = RunMark.next();
    DomainSettings created = TestDomains.create(credentials, domains, "quota-", run);
    created.setAddressScheme(AddressScheme.CHOSEN_BY_OWNER);
    created.setQuotaStaffMb(1L);
    as(credentials, "admin", () -> domains.update(created.getName(), created));
    return person(run, "q", "quinn.quota", created.getName());
  }

  private String person(String run, String prefix, String localPart, String domain)
      throws Exception {
    String username = prefix + run;
    ImportReport imported =
        new RegistryPerson(
                prefix + "-" + run,
                "Quinn",
                "Quota",
                username,
                domain,
                new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null))
            .importAsAdmin(imports, credentials);
    assertEquals(1, imported.created(), imported.toString());
    return Caller.asSignedIn(accounts, username, () -> addresses.choose(localPart));
  }

  /** The messages in a mailbox that came from outside, not Postroom's own notices. */
  private static List<String> deliveredFromOutside(Store store) throws Exception {
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    try {
      List<String> subjects = new ArrayList<>();
      for (jakarta.mail.Message message : inbox.getMessages()) {
        if (message.getHeader("Auto-Submitted") == null) {
          subjects.add(message.getSubject());
        }
      }
      return subjects;
    } finally {
      inbox.close(false);
    }
  }

  @Test
  void theMailServerRefusesADeliveryOverTheQuotaOfTheDomainPolicy() throws Exception {
    String address = oneMegabyteMailbox();
    String first = Lmtp.deliver("sender@example.org", address, "first", 600_000);
    assertTrue(first.startsWith("250"), first);
    String second = Lmtp.deliver("sender@example.org", address, "second", 600_000);
    assertTrue(second.startsWith("552 5.2.2"), second);

    try (Store store = Imap.asMaster(address)) {
      assertEquals(List.of("first"), deliveredFromOutside(store));
      Quota.Resource storage = ((QuotaAwareStore) store).getQuota("INBOX")[0].resources[0];
      assertEquals((1_000_000L + 1023) / 1024, storage.limit);
      assertTrue(storage.usage > 580 && storage.usage < 620, "usage " + storage.usage + " KiB");
    }

    // the scan stores what the mail server reports, for pages to show without asking it
    QuotaScanReport scanned = as(credentials, "admin", () -> quotaScan.scan());
    assertEquals(0, scanned.failed(), scanned.toString());
    assertTrue(scanned.read() >= 2, scanned.toString());
    Mailbox stored =
        em.createQuery("select m from Mailbox m where m.address = :a", Mailbox.class)
            .setParameter("a", address)
            .getSingleResult();
    assertTrue(
        stored.getQuotaUsedBytes() > 580 * 1024 && stored.getQuotaUsedBytes() < 620 * 1024,
        "stored " + stored.getQuotaUsedBytes());
    assertTrue(stored.getQuotaReadAt().isAfter(Instant.now().minusSeconds(120)));
    assertTrue(stored.getQuotaUsedPercent() >= 58 && stored.getQuotaUsedPercent() <= 63);

    // the helpdesk raises the quota: the mail server takes it from the userdb at once
    as(
        credentials,
        "helpdesk",
        () -> {
          quotas.change(address, 2L);
          return null;
        });
    String again = Lmtp.deliver("sender@example.org", address, "second", 600_000);
    assertTrue(again.startsWith("250"), again);
    try (Store store = Imap.asMaster(address)) {
      Quota.Resource storage = ((QuotaAwareStore) store).getQuota("INBOX")[0].resources[0];
      assertEquals((2_000_000L + 1023) / 1024, storage.limit);
    }
  }

  /** The messages in a real mailbox whose subject holds {@code subject}: subject, then body. */
  private static List<String[]> mailsAbout(String address, String subject) throws Exception {
    try (Store store = Imap.asMaster(address)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<String[]> found = new ArrayList<>();
      for (jakarta.mail.Message message : inbox.getMessages()) {
        if (message.getSubject().contains(subject)) {
          found.add(new String[] {message.getSubject(), String.valueOf(message.getContent())});
        }
      }
      inbox.close(false);
      return found;
    }
  }

  private static String[] await(String address, String subject) throws Exception {
    Instant until = Instant.now().plusSeconds(30);
    while (mailsAbout(address, subject).isEmpty()) {
      assertTrue(Instant.now().isBefore(until), "no '" + subject + "' in " + address);
      Thread.sleep(200);
    }
    return mailsAbout(address, subject).get(0);
  }

  private void scan() throws Exception {
    QuotaScanReport scanned = as(credentials, "admin", () -> quotaScan.scan());
    assertEquals(0, scanned.failed(), scanned.toString());
  }

  /**
   * Quota warnings go through Postfix to the person's contact address, here another mailbox: a full
   * mailbox takes no more mail, not even Postroom's warning that it is full.
   */
  @Test
  void quotaWarningsAreMailedOncePerCrossing() throws Exception {
    String address = oneMegabyteMailbox();
    String domain = address.substring(address.indexOf('@') + 1);
    String run = domain.substring("quota-".length(), domain.indexOf('.'));
    String contact = person(run, "c", "quinn.home", domain);
    tx.begin();
    em.createQuery("update Account a set a.contactAddress = :c where a.username = :u")
        .setParameter("c", contact)
        .setParameter("u", "q" + run)
        .executeUpdate();
    tx.commit();
    String warning = "Your mailbox " + address + " is ";
    assertTrue(Lmtp.deliver("sender@example.org", address, "big", 900_000).startsWith("250"));
    scan();
    String[] first = await(contact, warning);
    assertTrue(first[0].endsWith("% full"), first[0]);
    assertTrue(first[1].contains("empty the trash"), first[1]);
    scan();
    assertEquals(1, mailsAbout(contact, warning).size(), "the same crossing is not mailed twice");

    // past 100 % (Dovecot's grace lets the last message in): the second warning, once
    assertTrue(Lmtp.deliver("sender@example.org", address, "last", 150_000).startsWith("250"));
    scan();
    await(contact, "Your mailbox " + address + " is full");
    scan();
    assertEquals(1, mailsAbout(contact, "is full").size());

    // cleaned up, then filled again: a new crossing, mailed again
    try (Store store = Imap.asMaster(address)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      for (jakarta.mail.Message message : inbox.getMessages()) {
        message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
      }
      inbox.close(true);
    }
    scan();
    assertEquals(1, mailsAbout(contact, "% full").size(), "going down mails nothing");
    assertTrue(Lmtp.deliver("sender@example.org", address, "again", 920_000).startsWith("250"));
    scan();
    Instant until = Instant.now().plusSeconds(30);
    while (mailsAbout(contact, "% full").size() < 2) {
      assertTrue(Instant.now().isBefore(until), "the second crossing is mailed");
      Thread.sleep(200);
    }
    assertEquals(1, mailsAbout(contact, "is full").size());
  }
}
