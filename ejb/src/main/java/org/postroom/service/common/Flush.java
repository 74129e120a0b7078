package org.postroom.service.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.Violation;

/**
 * Writes pending changes now, so that a lost race (a stale version, a name or address taken
 * meanwhile, also by another node) becomes a clear message (a {@link ConflictException}) instead of
 * a failure at commit.
 */
public final class Flush {

  private Flush() {}

  public static void orFail(EntityManager em, Violation onConflict) {
    try {
      em.flush();
    } catch (PersistenceException conflict) {
      throw new ConflictException(onConflict);
    }
  }
}
