package org.postroom.service.quota;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.postroom.domain.account.Roles;
import org.postroom.service.mailbox.Mailboxes;

/** The quota scan's reads and writes of the portal database, a page at a time. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class QuotaFigures {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  /** A mailbox to read, on the server it lives on (its provisioning key). */
  public record Reading(long id, String address, String serverKey) {}

  /** The next page of mailboxes after {@code afterId}, in id order. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Reading> page(long afterId, int size) {
    List<Object[]> rows =
        em.createQuery(
                "select m.id, m.address from Mailbox m where m.id > :after"
                    + " and m.deletionQueuedAt is null order by m.id",
                Object[].class)
            .setParameter("after", afterId)
            .setMaxResults(size)
            .getResultList();
    Map<Long, String> servers =
        mailboxes.serverKeysOf(rows.stream().map(r -> (Long) r[0]).toList());
    return rows.stream()
        .map(r -> new Reading((Long) r[0], (String) r[1], servers.get((Long) r[0])))
        .toList();
  }

  /** Stores the usage read for each mailbox id, in one transaction and one JDBC batch. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void store(Map<Long, Long> usedBytes, Instant readAt) {
    if (usedBytes.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "update mailbox set quota_used_bytes = ?, quota_read_at = ? where id = ?")) {
                for (Map.Entry<Long, Long> entry : usedBytes.entrySet()) {
                  update.setLong(1, entry.getValue());
                  update.setObject(2, OffsetDateTime.ofInstant(readAt, ZoneOffset.UTC));
                  update.setLong(3, entry.getKey());
                  update.addBatch();
                }
                update.executeBatch();
              }
            });
  }
}
