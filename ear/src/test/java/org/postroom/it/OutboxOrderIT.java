package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.provisioning.Outbox;
import org.postroom.service.provisioning.OutboxRows;

/**
 * A mailbox's changes apply in the order their transactions committed, also when a later one has
 * the smaller id, as on a cluster where each node takes ids from the sequence in blocks of 50: the
 * outbox numbers each mailbox's changes under a lock on the mailbox's row.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxOrderIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(OutboxOrderIT.class);
  }

  @Inject Outbox outbox;
  @Inject OutboxRows rows;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource UserTransaction tx;

  @Test
  void aChangeCommittedLaterWithASmallerIdStillComesAfter() throws Exception {
    Mailbox mailbox =
        em.createQuery("select m from Mailbox m order by m.id", Mailbox.class)
            .setMaxResults(1)
            .getSingleResult();
    long first = 0;
    long second = 0;
    try {
      // the first change, as if another node had made it with an id from a later block
      tx.begin();
      ProvisioningChange created =
          outbox.queue(mailbox, ChangeKind.CREATE_SHARED_MAILBOX, null, "node2", Instant.now());
      em.flush();
      first = created.getId() + 10_000_000L;
      em.createNativeQuery("update provisioning_change set id = ? where id = ?")
          .setParameter(1, first)
          .setParameter(2, created.getId())
          .executeUpdate();
      tx.commit();

      tx.begin();
      second =
          outbox.queue(mailbox, ChangeKind.PUT_SIEVE, "keep;\r\n", "node1", Instant.now()).getId();
      tx.commit();
      assertTrue(second < first, "the later change has the smaller id: " + second + " < " + first);

      long mailboxId = mailbox.getId();
      List<Long> due =
          rows.due(Instant.now().plusSeconds(1), 10_000, Set.of()).stream()
              .filter(c -> c.getMailboxId() == mailboxId)
              .filter(c -> c.getCreatedBy().startsWith("node"))
              .map(ProvisioningChange::getId)
              .toList();
      assertEquals(List.of(first, second), due, "the mailbox is made before its script is put");
    } finally {
      tx.begin();
      em.createNativeQuery("delete from provisioning_change where id in (?, ?)")
          .setParameter(1, first)
          .setParameter(2, second)
          .executeUpdate();
      tx.commit();
    }
  }
}
