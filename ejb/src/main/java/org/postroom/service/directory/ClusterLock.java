package org.postroom.service.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A named lock for the whole cluster, as one row of {@code cluster_lock}: taken by a conditional
 * update, so that of two nodes taking it at once exactly one succeeds. It survives a node's death
 * (its holder is a thing, e.g. an import, which can be resumed by any node), which is why it is not
 * a database session lock.
 */
@ApplicationScoped
public class ClusterLock {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** Takes the lock for the holder; true when it is free or already the holder's. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean take(String name, long holder) {
    return em.createNativeQuery(
                "update cluster_lock set holder = ?, acquired_at = ?"
                    + " where name = ? and (holder is null or holder = ?)")
            .setParameter(1, holder)
            .setParameter(2, Instant.now())
            .setParameter(3, name)
            .setParameter(4, holder)
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void release(String name, long holder) {
    em.createNativeQuery(
            "update cluster_lock set holder = null, acquired_at = null"
                + " where name = ? and holder = ?")
        .setParameter(1, name)
        .setParameter(2, holder)
        .executeUpdate();
  }

  /**
   * Takes or renews the lock as a lease: free, already the holder's, or not renewed since {@code
   * staleBefore} (its holder died). The holder renews it by calling this again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lease(String name, long holder, Instant now, Instant staleBefore) {
    return em.createNativeQuery(
                "update cluster_lock set holder = ?, acquired_at = ? where name = ?"
                    + " and (holder is null or holder = ? or acquired_at < ?)")
            .setParameter(1, holder)
            .setParameter(2, now)
            .setParameter(3, name)
            .setParameter(4, holder)
            .setParameter(5, staleBefore)
            .executeUpdate()
        == 1;
  }
}
