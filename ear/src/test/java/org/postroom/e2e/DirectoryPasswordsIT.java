package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.maildomain.MailPasswords;
import org.postroom.it.Deployments;
import org.postroom.it.RegistryPerson;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.PasswordHasher;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * A domain whose mail passwords live in the institution's directory (the stack's OpenLDAP, read by
 * Dovecot's LDAP passdb from mail-system/dovecot/dovecot-ldap.conf.ext): its staff log in over IMAP
 * with the directory password, by address or username, and open the shared mailbox they were
 * approved for; a wrong password, and the Postroom password they once had, are refused. A domain
 * that keeps Postroom's passwords is unchanged.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryPasswordsIT {

  private static final String DIRECTORY_PASSWORD = "Directory lighthouse 42";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        DirectoryPasswordsIT.class,
        Imap.class,
        Lmtp.class,
        Smtp.class,
        MailUsers.class,
        RegistryPerson.class,
        Directory.class);
  }

  @Inject CredentialService credentials;
  @Inject DomainService domains;
  @Inject RegistryImportService imports;
  @Inject PasswordHasher hasher;
  @Inject SharedMailboxRequestService requests;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  private static void addToDirectory(String username, String address) throws Exception {
    Directory.add(username, "Directory", username, address, DIRECTORY_PASSWORD);
  }

  private static void assertOpens(String login, String sharedAddress) throws Exception {
    try (Store store = Imap.login(login, DIRECTORY_PASSWORD)) {
      Folder shared = store.getFolder("shared/" + sharedAddress + "/INBOX");
      shared.open(Folder.READ_ONLY);
      assertEquals(1, shared.getMessageCount());
      assertEquals("hello directory", shared.getMessage(1).getSubject());
      shared.close(false);
    }
  }

  @Test
  void staffOfADirectoryDomainUseTheDirectoryPasswordForTheirMail() throws Exception {
    MailUsers people = MailUsers.create("dir", 3, domains, imports, credentials, hasher, em, tx);
    String member = people.usernames().get(0);
    String colleague = people.usernames().get(1);
    // before: the Postroom password opens the mailbox
    Imap.login(people.address(0), MailUsers.password()).close();

    DomainSettings settings = as(credentials, "admin", () -> domains.settings(people.domain()));
    settings.setMailPasswords(MailPasswords.DIRECTORY);
    DomainSettings now = as(credentials, "admin", () -> domains.update(people.domain(), settings));
    assertEquals(MailPasswords.DIRECTORY, now.getMailPasswords());
    addToDirectory(member, people.address(0));
    addToDirectory(colleague, people.address(1));

    String office =
        people.sharedMailbox("office", List.of(member, colleague), credentials, requests);
    String delivered = Lmtp.deliver("sender@example.org", office, "hello directory", 2_000);
    assertTrue(delivered.startsWith("250"), delivered);

    // the directory password, by address and by username, opens the mailbox and the shared one
    assertOpens(people.address(0), office);
    assertOpens(member, office);
    assertOpens(people.address(1), office);
    // a domain that keeps Postroom's passwords (alumni, hosted organisations) is unchanged
    MailUsers own = MailUsers.create("own", 1, domains, imports, credentials, hasher, em, tx);
    Imap.login(own.address(0), MailUsers.password()).close();

    // a wrong password and the Postroom password of before are refused, and someone of the domain
    // whom the directory does not know cannot log in at all; each from a loopback address of its
    // own, as Dovecot slows down further failures from one address (Imap.loginFrom)
    assertThrows(
        AuthenticationFailedException.class,
        () -> Imap.loginFrom("127.0.0.71", people.address(0), "wrong one"));
    assertThrows(
        AuthenticationFailedException.class,
        () -> Imap.loginFrom("127.0.0.72", people.address(0), MailUsers.password()));
    assertThrows(
        AuthenticationFailedException.class,
        () -> Imap.loginFrom("127.0.0.73", people.address(2), MailUsers.password()));
  }
}
