package org.postroom.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.audit.AuditSubject;

/**
 * Writes audit entries inside the transaction of the change they record: both are kept, or neither.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Instant at,
      String actor,
      AuditAction action,
      AuditSubject subject,
      long subjectId,
      String detail) {
    em.persist(new AuditEntry(at, actor, action, subject, subjectId, detail));
  }
}
