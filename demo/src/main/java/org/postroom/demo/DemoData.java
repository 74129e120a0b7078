package org.postroom.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.api.ApiScope;
import org.postroom.domain.api.ApiToken;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.directory.Person;
import org.postroom.domain.directory.PersonName;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.service.cluster.ClusterLock;
import org.postroom.service.common.Settings;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.security.PasswordHasher;

/**
 * Demo data for development and tests: the reference institutions' domains and one login per role.
 * Only in the demo EAR (which ./run and the tests deploy; the production EAR does not contain this
 * module), and only when {@code POSTROOM_DEMO_PASSWORD} (or {@code -Dpostroom.demo.password}) is
 * set; the password is never stored in the repository or logged.
 */
@Singleton
@Startup
@DependsOn("postroom-ejb.jar#SchemaMigration")
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  /** username, display name, type, language, roles. */
  record DemoLogin(
      String username, String displayName, AccountType type, String language, List<String> roles) {}

  static final List<DemoLogin> LOGINS =
      List.of(
          new DemoLogin("student", "Lotte Peeters", AccountType.STUDENT, "en", List.of(Roles.USER)),
          new DemoLogin("student2", "Thomas Maes", AccountType.STUDENT, "nl", List.of(Roles.USER)),
          new DemoLogin(
              "staff", "Sanne de Vries", AccountType.STAFF, "en", List.of(Roles.USER, Roles.STAFF)),
          new DemoLogin(
              "staff2",
              "Pieter Janssens",
              AccountType.STAFF,
              "nl",
              List.of(Roles.USER, Roles.STAFF)),
          new DemoLogin(
              "staff3",
              "Ingrid Solberg",
              AccountType.STAFF,
              "en",
              List.of(Roles.USER, Roles.STAFF)),
          new DemoLogin("alumnus", "Kari Nordmann", AccountType.ALUMNI, "en", List.of(Roles.USER)),
          new DemoLogin(
              "helpdesk",
              "Hanna Dubois",
              AccountType.STAFF,
              "en",
              List.of(Roles.USER, Roles.STAFF, Roles.HELPDESK)),
          new DemoLogin(
              "helpdesk2",
              "Jonas Claes",
              AccountType.STAFF,
              "nl",
              List.of(Roles.USER, Roles.STAFF, Roles.HELPDESK)),
          new DemoLogin(
              "admin",
              "Alex Admin",
              AccountType.STAFF,
              "en",
              List.of(Roles.USER, Roles.STAFF, Roles.HELPDESK, Roles.ADMIN)));

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject PasswordHasher hasher;
  @Inject MailDomains domains;
  @Inject ClusterLock lock;

  @PostConstruct
  void seed() {
    Optional<String> password = Settings.get("postroom.demo.password");
    if (password.isEmpty()) {
      return;
    }
    // nodes of a cluster starting together seed one after the other; the later finds it all there
    lock.serialize(ClusterLock.STARTUP);
    Instant now = Instant.now();
    SharedMailboxPolicy closed = ReferencePolicies.noSharedMailboxRequests();
    domain("univ-b.be", "nl", MailboxPolicy.standard(), ReferencePolicies.universityB());
    domain("umail.example-a.nl", "nl", ReferencePolicies.universityA(), closed);
    domain("univ-c.example", "de", MailboxPolicy.standard(), closed);
    domain("alumni.univ-d.no", "nb", ReferencePolicies.universityDAlumni(), closed);
    domain("provider-e.example", "en", ReferencePolicies.providerE(), closed);
    domain("member-e.example", "en", ReferencePolicies.providerEMember(), closed);
    MailDomain universityD = domain("univ-d.no", "nb", MailboxPolicy.standard(), closed);
    if (universityD.getAlumniDomain() == null) {
      universityD.offerAlumniAddressesIn(domainNamed("alumni.univ-d.no"));
    }
    String hash = hasher.hash(password.get());
    int created = 0;
    for (DemoLogin login : LOGINS) {
      if (em.createQuery("select count(a) from Account a where a.username = :u", Long.class)
              .setParameter("u", login.username())
              .getSingleResult()
          == 0) {
        Account account =
            new Account(
                login.username(),
                login.displayName(),
                login.username() + "@univ-b.be",
                login.type(),
                login.language(),
                login.roles(),
                now);
        account.changePasswordHash(hash);
        em.persist(account);
        created++;
      }
    }
    created += graduate(hash, now);
    created += newcomer(hash, now);
    created += employee(hash, now);
    created += memberOrganisation(hash, now);
    DemoClientSettings.seed(em, domains);
    secretariat(now);
    apiTokens(password.get(), now);
    int made = created;
    LOG.info(() -> "Demo data ready (" + made + " demo logins created)");
  }

  /**
   * Two API tokens to try /api with, whose secrets are the token's name, a dot and the demo
   * password: {@code demo-all} opens everything, {@code demo-registry} the registry feed only.
   */
  private void apiTokens(String password, Instant now) {
    for (ApiScope scope : List.of(ApiScope.ALL, ApiScope.REGISTRY)) {
      String name = "demo-" + scope.name().toLowerCase(java.util.Locale.ROOT);
      if (em.createQuery("select count(t) from ApiToken t where t.name = :n", Long.class)
              .setParameter("n", name)
              .getSingleResult()
          == 0) {
        em.persist(
            ApiToken.withSecret(
                name, scope, name + "." + password, now.plus(Duration.ofDays(365)), "demo", now));
      }
    }
  }

  /**
   * Ola Nordmann studied at University D until last summer: his account is a registry account whose
   * affiliation has ended, who may order an alumni address.
   */
  private int graduate(String hash, Instant now) {
    if (em.createQuery("select count(p) from Person p where p.registryId = 'demo-d-1'", Long.class)
            .getSingleResult()
        > 0) {
      return 0;
    }
    MailDomain universityD = domainNamed("univ-d.no");
    Person person = new Person("demo-d-1", new PersonName("Ola", null, null, "Nordmann"), now);
    LocalDate lastSummer = LocalDate.now().minusMonths(2);
    person.replaceAffiliations(
        List.of(
            new AffiliationPeriod(AffiliationKind.STUDENT, lastSummer.minusYears(4), lastSummer)),
        now);
    em.persist(person);
    Account account =
        Account.forPerson(
            person, "graduate", universityD, AccountType.STUDENT, "graduate@univ-d.no", now);
    account.changePasswordHash(hash);
    em.persist(account);
    em.persist(
        Mailbox.personal(universityD, "graduate@univ-d.no", "graduate@univ-d.no", account, now));
    return 1;
  }

  /**
   * Nora Berg has just joined a member organisation of hosting provider E, whose people choose
   * their own address: her account has no mailbox until she chooses it.
   */
  private int newcomer(String hash, Instant now) {
    if (em.createQuery("select count(p) from Person p where p.registryId = 'demo-e-1'", Long.class)
            .getSingleResult()
        > 0) {
      return 0;
    }
    Person person = new Person("demo-e-1", new PersonName("Nora", null, null, "Berg"), now);
    person.replaceAffiliations(
        List.of(new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusDays(3), null)),
        now);
    em.persist(person);
    Account account =
        Account.forPerson(
            person, "newcomer", domainNamed("member-e.example"), AccountType.STAFF, null, now);
    account.changePasswordHash(hash);
    em.persist(account);
    return 1;
  }

  /**
   * Jan de Groot works at University A: his account has a mailbox with a generated address, where
   * he sets his forward and vacation reply himself.
   */
  private int employee(String hash, Instant now) {
    if (em.createQuery("select count(p) from Person p where p.registryId = 'demo-a-1'", Long.class)
            .getSingleResult()
        > 0) {
      return 0;
    }
    Person person = new Person("demo-a-1", new PersonName("Jan", "J.", "de", "Groot"), now);
    person.replaceAffiliations(
        List.of(new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(3), null)),
        now);
    em.persist(person);
    MailDomain universityA = domainNamed("umail.example-a.nl");
    Account account =
        Account.forPerson(person, "employee", universityA, AccountType.STAFF, null, now);
    account.changePasswordHash(hash);
    em.persist(account);
    String address = "j.de.groot@umail.example-a.nl";
    em.persist(Mailbox.personal(universityA, address, address, account, now));
    return 1;
  }

  /**
   * A member organisation of hosting provider E, whose webmaster (Wim Wouters, domain-admin of
   * member-e.example) sets forwards and vacation replies for its people, e.g. Mia Jansen.
   */
  private int memberOrganisation(String hash, Instant now) {
    if (em.createQuery("select count(p) from Person p where p.registryId = 'demo-e-2'", Long.class)
            .getSingleResult()
        > 0) {
      return 0;
    }
    MailDomain member = domainNamed("member-e.example");
    Person webmasterPerson =
        new Person("demo-e-2", new PersonName("Wim", null, null, "Wouters"), now);
    Person miaPerson = new Person("demo-e-3", new PersonName("Mia", null, null, "Jansen"), now);
    for (Person person : List.of(webmasterPerson, miaPerson)) {
      person.replaceAffiliations(
          List.of(
              new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(1), null)),
          now);
      em.persist(person);
    }
    Account webmaster =
        Account.forPerson(webmasterPerson, "webmaster", member, AccountType.STAFF, null, now);
    webmaster.administer(List.of(member));
    webmaster.changePasswordHash(hash);
    em.persist(webmaster);
    Account mia = Account.forPerson(miaPerson, "member", member, AccountType.STAFF, null, now);
    mia.changePasswordHash(hash);
    em.persist(mia);
    String address = "mia.jansen@member-e.example";
    em.persist(Mailbox.personal(member, address, address, mia, now));
    return 2;
  }

  /**
   * University B's secretariat: a shared mailbox of Sanne de Vries (staff, who has her own mailbox
   * there) and Pieter Janssens (staff2); University B's server lets them log in to it with its
   * address and their own password.
   */
  private void secretariat(Instant now) {
    String shared = "secretariaat@univ-b.be";
    if (em.createQuery("select count(m) from Mailbox m where m.address = :a", Long.class)
            .setParameter("a", shared)
            .getSingleResult()
        > 0) {
      return;
    }
    MailDomain universityB = domainNamed("univ-b.be");
    List<Account> members =
        em.createQuery(
                "select a from Account a where a.username in ('staff', 'staff2')"
                    + " order by a.username",
                Account.class)
            .getResultList();
    String own = "s.devries@univ-b.be";
    em.persist(Mailbox.personal(universityB, own, own, members.get(0), now));
    em.persist(Mailbox.shared(universityB, shared, members, now));
  }

  private MailDomain domainNamed(String name) {
    return domains.byName(name).orElseThrow();
  }

  private MailDomain domain(
      String name, String language, MailboxPolicy mailboxes, SharedMailboxPolicy sharedMailboxes) {
    if (!domains.exists(name)) {
      em.persist(new MailDomain(name, language, mailboxes, sharedMailboxes));
    }
    return domainNamed(name);
  }
}
