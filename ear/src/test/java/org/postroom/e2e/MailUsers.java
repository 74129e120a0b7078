package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.postroom.it.Caller.as;

import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.it.RegistryPerson;
import org.postroom.it.RunMark;
import org.postroom.service.common.Settings;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sharedmailbox.NewSharedMailboxRequest;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * People with a mailbox and a password for the end-to-end tests: a fresh domain (open for
 * shared-mailbox requests), its staff imported from the registry (each gets a mailbox by the
 * domain's address scheme), and each account given the demo password, as an alumnus or a local
 * account would have one.
 */
record MailUsers(String domain, List<String> usernames, List<String> addresses) {

  static String password() {
    return Settings.get("postroom.demo.password").orElseThrow();
  }

  String address(int i) {
    return addresses.get(i);
  }

  static MailUsers create(
      String prefix,
      int count,
      DomainService domains,
      RegistryImportService imports,
      CredentialService credentials,
      PasswordHasher hasher,
      EntityManager em,
      UserTransaction tx)
      throws Exception {
    String run = prefix + RunMark.next();
    DomainSettings wanted = DomainSettings.defaults();
    wanted.setName(run + ".example");
    wanted.setSharedRequestsEnabled(true);
    wanted.setSharedMinMembers(1);
    as(credentials, "admin", () -> domains.create(wanted));
    List<String> usernames = new ArrayList<>();
    List<RegistryPerson> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String username = run + "u" + (char) ('a' + i);
      usernames.add(username);
      people.add(
          new RegistryPerson(
              run + "-" + i,
              "Test",
              "Person " + (char) ('A' + i),
              username,
              wanted.getName(),
              new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.of(2026, 1, 1), null)));
    }
    ImportReport imported =
        as(
            credentials,
            "admin",
            () -> imports.importRecords(people.stream().map(RegistryPerson::record).toList()));
    assertEquals(count, imported.created(), imported.toString());
    String hash = hasher.hash(password());
    tx.begin();
    em.createQuery("select a from Account a where a.username in :u", Account.class)
        .setParameter("u", usernames)
        .getResultList()
        .forEach(a -> a.changePasswordHash(hash));
    tx.commit();
    List<String> addresses = new ArrayList<>();
    for (String username : usernames) {
      addresses.add(
          em.createQuery(
                  "select m.address from Mailbox m where m.owner.username = :u", String.class)
              .setParameter("u", username)
              .getSingleResult());
    }
    return new MailUsers(wanted.getName(), usernames, addresses);
  }

  /**
   * A shared mailbox of this domain, requested by its first member and approved by the helpdesk,
   * once it is on the mail server (at most two minutes); returns its address.
   */
  String sharedMailbox(
      String localPart,
      List<String> members,
      CredentialService credentials,
      SharedMailboxRequestService requests)
      throws Exception {
    String requester = members.get(0);
    // requested by one of the domain's own staff: requests stay within one's institution
    long id =
        as(
            credentials,
            requester,
            () ->
                requests.submit(
                    new NewSharedMailboxRequest(
                        domain, localPart, null, "The team's shared correspondence", members)));
    long version = as(credentials, "helpdesk", () -> requests.find(id).version());
    as(
        credentials,
        "helpdesk",
        () -> {
          requests.approve(id, version);
          return null;
        });
    java.time.Instant until = java.time.Instant.now().plusSeconds(120);
    while (as(credentials, requester, () -> requests.find(id).awaitingMailServer())) {
      if (java.time.Instant.now().isAfter(until)) {
        throw new AssertionError("waited two minutes for the shared mailbox on the mail server");
      }
      Thread.sleep(200);
    }
    return localPart + "@" + domain;
  }
}
