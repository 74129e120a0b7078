package org.postroom.service.provisioning;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Recurring work claimed by one node of the cluster: the node that moves the work's {@code
 * cluster_lock.acquired_at} forward, when the last run started at least {@code interval} ago, does
 * it; of two nodes trying at once exactly one succeeds (a conditional update).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IntervalClaim {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public boolean claim(String work, Instant now, Duration interval) {
    return em.createNativeQuery(
                "update cluster_lock set acquired_at = ? where name = ?"
                    + " and (acquired_at is null or acquired_at <= ?)")
            .setParameter(1, now)
            .setParameter(2, work)
            .setParameter(3, now.minus(interval))
            .executeUpdate()
        == 1;
  }
}
