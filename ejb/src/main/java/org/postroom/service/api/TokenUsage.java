package org.postroom.service.api;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls made with each API token, counted in memory and written every ten seconds: an API
 * call's authentication then only reads (a hash lookup), instead of writing the token's row, which
 * cost a commit per call and made concurrent calls with one token collide on its version. Each node
 * writes its own counts as increments, so the figures add up across a cluster; at most ten seconds
 * of counting is lost if a node dies.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenUsage {

  /** The calls of one token not yet written, and the last one's time. */
  record Pending(long calls, Instant last) {
    Pending plus(Pending other) {
      return new Pending(calls + other.calls, last.isAfter(other.last) ? last : other.last);
    }
  }

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  /** Counts one call with the token. */
  public void used(long tokenId, Instant at) {
    pending.merge(tokenId, new Pending(1, at), Pending::plus);
  }

  /** Adds the counted calls to the tokens' rows, without touching their versions. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  public void write() {
    for (Long id : pending.keySet()) {
      Pending calls = pending.remove(id);
      if (calls != null) {
        em.createQuery(
                "update ApiToken t set t.uses = t.uses + :calls, t.lastUsedAt = case when"
                    + " t.lastUsedAt is null or t.lastUsedAt < :last then :last else t.lastUsedAt"
                    + " end where t.id = :id")
            .setParameter("calls", calls.calls())
            .setParameter("last", calls.last())
            .setParameter("id", id)
            .executeUpdate();
      }
    }
  }

  @PreDestroy
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void writeBeforeStopping() {
    write();
  }
}
