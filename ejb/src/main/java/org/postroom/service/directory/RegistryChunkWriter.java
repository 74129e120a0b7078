package org.postroom.service.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.directory.AddressGenerator;
import org.postroom.domain.directory.Person;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.maildomain.MailDomains;

/**
 * Applies one chunk of valid registry records in one transaction, with a fixed number of queries
 * per chunk (not per record): existing people, their accounts, usernames and candidate addresses
 * are each loaded at once. A database conflict (another import took an address meanwhile) fails the
 * whole chunk; the import service then applies its records one by one.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RegistryChunkWriter {

  /**
   * Sequence numbers looked up with the base address at once; beyond them, one query per address.
   */
  static final AuditSubject SUBJECT = AuditSubject.PERSON;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject MailDomains mailDomains;
  @Inject ImportJournal journal;

  /**
   * Applies lines of an import in one transaction: the readable ones are written, all are counted
   * into the import ({@code importId}; none for a direct API call) in the same transaction. Returns
   * one outcome per line.
   */
  public List<Outcome> apply(
      Long importId,
      int processedBefore,
      List<ImportLine> lines,
      String actor,
      LocalDate today,
      Instant now) {
    List<RegistryRecord> readable =
        lines.stream().filter(l -> l.unreadable() == null).map(ImportLine::record).toList();
    List<Outcome> written = readable.isEmpty() ? List.of() : write(readable, actor, today, now);
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    int next = 0;
    for (ImportLine line : lines) {
      outcomes.add(line.unreadable() != null ? line.unreadable() : written.get(next++));
    }
    if (importId != null) {
      journal.record(importId, processedBefore, lines, outcomes, now);
    }
    return outcomes;
  }

  /** The tables an import fills, whose planner statistics it refreshes. */
  static final List<String> IMPORTED_TABLES =
      List.of("person", "affiliation", "account", "mailbox");

  /**
   * Rows changed since a table's last {@code ANALYZE}, as a fraction of its rows, from which
   * PostgreSQL's statistics of it are refreshed: plans do not change for a table a fifth larger,
   * and each {@code ANALYZE} reads a sample of the same size whatever the table's.
   */
  static final double STALE_FRACTION = 0.2;

  /**
   * Refreshes the planner's statistics of the tables an import fills (the advice for bulk loads of
   * PostgreSQL's manual, "Populating a Database"; H2 has the same statement). On PostgreSQL only
   * the tables whose statistics are stale by its own count ({@code n_mod_since_analyze}, which
   * holds for every node of a cluster); autovacuum does the same, but only every minute.
   */
  public void refreshStatistics() {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              boolean postgres =
                  connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
              List<String> tables = new ArrayList<>();
              if (postgres) {
                try (PreparedStatement stale =
                    connection.prepareStatement(
                        "select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid"
                            + " where s.schemaname = current_schema() and s.relname = any (?)"
                            + " and s.n_mod_since_analyze > greatest(c.reltuples, 0) * ?")) {
                  stale.setArray(1, connection.createArrayOf("text", IMPORTED_TABLES.toArray()));
                  stale.setDouble(2, STALE_FRACTION);
                  try (ResultSet rows = stale.executeQuery()) {
                    while (rows.next()) {
                      tables.add(rows.getString(1));
                    }
                  }
                }
              } else {
                tables.addAll(IMPORTED_TABLES);
              }
              try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                  statement.execute(postgres ? "analyze " + table : "analyze table " + table);
                }
              }
            });
  }

  public List<Outcome> write(
      List<RegistryRecord> chunk, String actor, LocalDate today, Instant now) {
    Map<String, MailDomain> domains =
        byKey(
            mailDomains.byNames(chunk.stream().map(RegistryRecord::domain).toList()),
            MailDomain::getName);
    Map<String, Person> people =
        byKey(
            em.createQuery(
                    "select distinct p from Person p left join fetch p.affiliations where p.registryId in :ids",
                    Person.class)
                .setParameter("ids", chunk.stream().map(RegistryRecord::registryId).toList())
                .getResultList(),
            Person::getRegistryId);
    Map<Person, Account> accounts =
        people.isEmpty()
            ? Map.of()
            : byKey(
                em.createQuery("select a from Account a where a.person in :people", Account.class)
                    .setParameter("people", people.values())
                    .getResultList(),
                Account::getPerson);
    Set<String> usernamesTaken =
        new HashSet<>(
            em.createQuery(
                    "select a.username from Account a where a.username in :names", String.class)
                .setParameter(
                    "names",
                    chunk.stream().map(r -> Account.normalizeUsername(r.username())).toList())
                .getResultList());
    Set<String> bases = new HashSet<>();
    Set<String> candidates = candidates(chunk, domains, people, bases);
    TakenAddresses addresses = new TakenAddresses(em, bases, candidates);
    Map<String, String> generatedAddresses = proposeAddresses(chunk, domains, people, addresses);

    List<Outcome> outcomes = new ArrayList<>(chunk.size());
    NewPeople created = new NewPeople(em);
    for (RegistryRecord record : chunk) {
      MailDomain domain = domains.get(record.domain().strip().toLowerCase(Locale.ROOT));
      Person known = people.get(record.registryId());
      Outcome outcome;
      if (domain == null) {
        outcome = Outcome.rejected("import.domain.unknown", record.domain());
      } else if (known == null) {
        outcome =
            create(
                record,
                domain,
                usernamesTaken,
                addresses,
                generatedAddresses,
                created,
                actor,
                today,
                now);
      } else {
        outcome = update(record, known, accounts.get(known), actor, today, now);
      }
      outcomes.add(outcome);
    }
    em.flush();
    created.write();
    return outcomes;
  }

  private Outcome create(
      RegistryRecord record,
      MailDomain domain,
      Set<String> usernamesTaken,
      TakenAddresses addresses,
      Map<String, String> generatedAddresses,
      NewPeople created,
      String actor,
      LocalDate today,
      Instant now) {
    if (record.closed()) {
      return Outcome.rejected("import.closed.unknown");
    }
    String username = Account.normalizeUsername(record.username());
    if (!usernamesTaken.add(username)) {
      return Outcome.rejected("import.username.taken", username);
    }
    AddressScheme scheme = domain.getMailboxPolicy().getAddressScheme();
    if (scheme == AddressScheme.CHOSEN_BY_OWNER) {
      // the person chooses the address on their first visit; until then, no mailbox
      Person person = newPerson(record, now);
      Account account =
          Account.forPerson(person, username, domain, typeOf(person, today), null, now);
      long personId = created.add(person, account, null);
      created.audit(new AuditEntry(now, actor, AuditAction.IMPORTED, SUBJECT, personId, username));
      return Outcome.of(Outcome.Kind.CREATED);
    }
    boolean generated = scheme == AddressScheme.GENERATED_FROM_NAME;
    String address;
    String base;
    if (generated) {
      address = generatedAddresses.get(record.registryId());
      if (address == null) {
        usernamesTaken.remove(username);
        return Outcome.rejected("import.name.noAddress");
      }
      base = domain.addressOf(domain.getMailboxPolicy().addressGenerator().base(record.name()));
    } else {
      address = domain.addressOf(username);
      base = address;
      if (addresses.isTaken(address, null)) {
        usernamesTaken.remove(username);
        return Outcome.rejected("import.address.taken", address);
      }
    }
    addresses.claim(address);

    Person person = newPerson(record, now);
    Account account =
        Account.forPerson(person, username, domain, typeOf(person, today), address, now);
    long personId =
        created.add(person, account, Mailbox.personal(domain, address, base, account, now));
    created.audit(
        new AuditEntry(
            now, actor, AuditAction.IMPORTED, SUBJECT, personId, username + " " + address));
    return Outcome.of(Outcome.Kind.CREATED);
  }

  private static Person newPerson(RegistryRecord record, Instant now) {
    Person person = new Person(record.registryId(), record.name(), now);
    person.replaceAffiliations(record.affiliations(), now);
    return person;
  }

  private Outcome update(
      RegistryRecord record,
      Person person,
      Account account,
      String actor,
      LocalDate today,
      Instant now) {
    boolean changed = person.rename(record.name(), now);
    if (record.closed()) {
      changed |= person.endAffiliations(today.minusDays(1), now);
      changed |= account != null && account.leave(today);
    } else {
      changed |= person.replaceAffiliations(record.affiliations(), now);
    }
    if (account != null) {
      changed |= account.follow(person, typeOf(person, today));
    }
    if (!changed) {
      return Outcome.of(Outcome.Kind.UNCHANGED);
    }
    audit.record(
        now,
        actor,
        record.closed() ? AuditAction.CLOSED : AuditAction.UPDATED,
        SUBJECT,
        person.getId(),
        null);
    return Outcome.of(Outcome.Kind.UPDATED);
  }

  /**
   * The generated address of each new person of the chunk, by registry id. Proposals rest on the
   * addresses known per base; different long names can shorten to the same stem once a number must
   * fit (j.j.van.der.muller-l… and j.j.van.der.muller both give j.j.van.der.muller2), so all
   * proposals are then checked in one query and any found taken is proposed anew.
   */
  private Map<String, String> proposeAddresses(
      List<RegistryRecord> chunk,
      Map<String, MailDomain> domains,
      Map<String, Person> people,
      TakenAddresses addresses) {
    Map<String, String> proposals = new HashMap<>();
    List<RegistryRecord> open = new ArrayList<>();
    for (RegistryRecord record : chunk) {
      MailDomain domain = domains.get(record.domain().strip().toLowerCase(Locale.ROOT));
      if (domain != null
          && !people.containsKey(record.registryId())
          && !record.closed()
          && domain.getMailboxPolicy().getAddressScheme() == AddressScheme.GENERATED_FROM_NAME
          && !domain.getMailboxPolicy().addressGenerator().base(record.name()).isEmpty()) {
        open.add(record);
      }
    }
    while (!open.isEmpty()) {
      Map<String, RegistryRecord> proposedBy = new HashMap<>();
      for (RegistryRecord record : open) {
        MailDomain domain = domains.get(record.domain().strip().toLowerCase(Locale.ROOT));
        AddressGenerator generator = domain.getMailboxPolicy().addressGenerator();
        String base = domain.addressOf(generator.base(record.name()));
        String address =
            domain.addressOf(
                generator.firstFree(
                    record.name(), lp -> addresses.isTaken(domain.addressOf(lp), base)));
        addresses.claim(address);
        proposals.put(record.registryId(), address);
        proposedBy.put(address, record);
      }
      open = new ArrayList<>();
      for (String takenMeanwhile : addresses.takenAmong(proposedBy.keySet())) {
        RegistryRecord record = proposedBy.get(takenMeanwhile);
        proposals.remove(record.registryId());
        open.add(record);
      }
    }
    return proposals;
  }

  /**
   * The kind of account today's affiliation gives; without one today, the latest affiliation's
   * kind.
   */
  private static AccountType typeOf(Person person, LocalDate today) {
    return person
        .primaryAffiliationOn(today)
        .or(() -> person.getAffiliations().stream().reduce((a, b) -> b).map(a -> a.getKind()))
        .map(kind -> kind.accountType())
        .orElse(AccountType.EXTERNAL);
  }

  /**
   * Every address a new person of this chunk is likely to get, and (into {@code bases}) the bases
   * of the generated ones, to look them all up at once.
   */
  private static Set<String> candidates(
      List<RegistryRecord> chunk,
      Map<String, MailDomain> domains,
      Map<String, Person> people,
      Set<String> bases) {
    Set<String> candidates = new HashSet<>();
    for (RegistryRecord record : chunk) {
      MailDomain domain = domains.get(record.domain().strip().toLowerCase(Locale.ROOT));
      if (domain == null || people.containsKey(record.registryId())) {
        continue;
      }
      if (domain.getMailboxPolicy().getAddressScheme() == AddressScheme.GENERATED_FROM_NAME) {
        AddressGenerator generator = domain.getMailboxPolicy().addressGenerator();
        String base = generator.base(record.name());
        if (!base.isEmpty()) {
          // numbered addresses come with the base query; the bare base may also be another kind of
          // address
          bases.add(domain.addressOf(base));
          candidates.add(domain.addressOf(base));
        }
      } else if (domain.getMailboxPolicy().getAddressScheme() == AddressScheme.USERNAME) {
        candidates.add(domain.addressOf(Account.normalizeUsername(record.username())));
      }
    }
    return candidates;
  }

  private static <K, V> Map<K, V> byKey(Collection<V> values, Function<V, K> key) {
    return values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, HashMap::new));
  }
}
