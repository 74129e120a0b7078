package org.postroom.service.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/** Daily work claimed by one node of the cluster: the first to move the day on gets it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DailyClaim {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public boolean claim(String work, LocalDate today) {
    return em.createNativeQuery(
                "update cluster_lock set last_done_on = ? where name = ?"
                    + " and (last_done_on is null or last_done_on < ?)")
            .setParameter(1, today)
            .setParameter(2, work)
            .setParameter(3, today)
            .executeUpdate()
        == 1;
  }
}
