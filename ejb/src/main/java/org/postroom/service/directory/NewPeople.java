package org.postroom.service.directory;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.postroom.domain.account.Account;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.directory.Affiliation;
import org.postroom.domain.directory.Person;
import org.postroom.domain.mailbox.Mailbox;

/**
 * The insert path of a registry import: the people a chunk creates, made by the domain's own
 * constructors (so every rule applies) but written as plain JDBC batches, six tables at a time,
 * instead of through the persistence context — the start-of-year rush is almost only new people,
 * and Hibernate's per-entity bookkeeping was most of its cost (see the benchmark). Identifiers come
 * from Hibernate's own generators, so they never collide with entities persisted the usual way. The
 * rows are exactly what the entities map to; {@code RegistryImportServiceIT} reads them back
 * through JPA.
 */
final class NewPeople {

  private final EntityManager em;
  private final SharedSessionContractImplementor session;
  private final List<Person> people = new ArrayList<>();
  private final List<Affiliation> affiliations = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Mailbox> mailboxes = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();

  NewPeople(EntityManager em) {
    this.em = em;
    this.session = em.unwrap(SharedSessionContractImplementor.class);
  }

  /**
   * A new person with their account and mailbox (none where the person is to choose their address);
   * returns the person's id (for the audit).
   */
  long add(Person person, Account account, Mailbox mailbox) {
    identify(person);
    for (Affiliation affiliation : person.getAffiliations()) {
      identify(affiliation);
      affiliations.add(affiliation);
    }
    identify(account);
    people.add(person);
    accounts.add(account);
    if (mailbox != null) {
      identify(mailbox);
      mailboxes.add(mailbox);
    }
    return person.getId();
  }

  void audit(AuditEntry entry) {
    identify(entry);
    audit.add(entry);
  }

  private void identify(Object entity) {
    EntityPersister persister =
        session.getFactory().getMappingMetamodel().getEntityDescriptor(entity.getClass());
    Object id =
        ((BeforeExecutionGenerator) persister.getGenerator())
            .generate(session, entity, null, EventType.INSERT);
    persister.setIdentifier(entity, id, session);
  }

  /** Writes every row collected, in the current transaction. */
  void write() {
    if (people.isEmpty() && audit.isEmpty()) {
      return;
    }
    em.unwrap(Session.class).doWork(this::write);
  }

  private void write(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into person (id, version, registry_id, given_names, initials, infixes,"
                + " surname, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Person p : people) {
        insert.setLong(1, p.getId());
        insert.setString(2, p.getRegistryId());
        insert.setString(3, p.getName().givenNames());
        insert.setString(4, p.getName().initials());
        insert.setString(5, p.getName().infixes());
        insert.setString(6, p.getName().surname());
        insert.setObject(7, time(p.getCreatedAt()));
        insert.setObject(8, time(p.getUpdatedAt()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into affiliation (id, person_id, kind, starts_on, ends_on)"
                + " values (?, ?, ?, ?, ?)")) {
      for (Affiliation a : affiliations) {
        insert.setLong(1, a.getId());
        insert.setLong(2, a.getPerson().getId());
        insert.setString(3, a.getKind().name());
        insert.setObject(4, a.getStartsOn());
        date(insert, 5, a.getEndsOn());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into account (id, version, username, display_name, contact_address,"
                    + " account_type, password_hash, language, enabled, created_at, person_id,"
                    + " domain_id, state, leaving_since, closed_on, recovery_address, search_name)"
                    + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement roles =
            connection.prepareStatement(
                "insert into account_role (account_id, role) values (?, ?)")) {
      for (Account a : accounts) {
        insert.setLong(1, a.getId());
        insert.setString(2, a.getUsername());
        insert.setString(3, a.getDisplayName());
        insert.setString(4, a.getContactAddress());
        insert.setString(5, a.getType().name());
        insert.setString(6, a.getPasswordHash());
        insert.setString(7, a.getLanguage());
        insert.setBoolean(8, a.isEnabled());
        insert.setObject(9, time(a.getCreatedAt()));
        insert.setLong(10, a.getPerson().getId());
        insert.setLong(11, a.getDomain().getId());
        insert.setString(12, a.getState().name());
        date(insert, 13, a.getLeavingSince());
        date(insert, 14, a.getClosedOn());
        insert.setString(15, a.getRecoveryAddress());
        insert.setString(16, a.getSearchName());
        insert.addBatch();
        for (String role : a.getRoles()) {
          roles.setLong(1, a.getId());
          roles.setString(2, role);
          roles.addBatch();
        }
      }
      insert.executeBatch();
      roles.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into mailbox (id, version, address, address_base, domain_id, kind, login_name,"
                + " quota_bytes, forward_allowed, owner_id, created_at)"
                + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Mailbox m : mailboxes) {
        insert.setLong(1, m.getId());
        insert.setString(2, m.getAddress());
        insert.setString(3, m.getAddressBase());
        insert.setLong(4, m.getDomain().getId());
        insert.setString(5, m.getKind().name());
        insert.setString(6, m.getLoginName());
        insert.setLong(7, m.getQuotaBytes());
        insert.setBoolean(8, m.isForwardAllowed());
        insert.setLong(9, m.getOwner().getId());
        insert.setObject(10, time(m.getCreatedAt()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id,"
                + " detail) values (?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry e : audit) {
        insert.setLong(1, e.getId());
        insert.setObject(2, time(e.getOccurredAt()));
        insert.setString(3, e.getActor());
        insert.setString(4, e.getAction());
        insert.setString(5, e.getSubjectType());
        insert.setLong(6, e.getSubjectId());
        insert.setString(7, e.getDetail());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void date(PreparedStatement statement, int index, LocalDate date)
      throws SQLException {
    if (date == null) {
      statement.setNull(index, Types.DATE);
    } else {
      statement.setObject(index, date);
    }
  }
}
