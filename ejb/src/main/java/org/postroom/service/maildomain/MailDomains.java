package org.postroom.service.maildomain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.postroom.domain.maildomain.MailDomain;

/** Looking mail domains up by name (any case, spaces around it ignored), for every service. */
@ApplicationScoped
public class MailDomains {

  private static final String BY_NAME = "select d from MailDomain d where d.name = :name";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  public Optional<MailDomain> byName(String name) {
    return em.createQuery(BY_NAME, MailDomain.class)
        .setParameter("name", MailDomain.normalizeName(name))
        .getResultStream()
        .findFirst();
  }

  /** The domain, locked until the transaction ends (changes that must not cross each other). */
  public Optional<MailDomain> byNameLocked(String name) {
    return em.createQuery(BY_NAME, MailDomain.class)
        .setParameter("name", MailDomain.normalizeName(name))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** The domains of these names that exist (names normalised), in no particular order. */
  public List<MailDomain> byNames(Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select d from MailDomain d where d.name in :names", MailDomain.class)
        .setParameter("names", names.stream().map(MailDomain::normalizeName).distinct().toList())
        .getResultList();
  }

  public boolean exists(String name) {
    return em.createQuery("select count(d) from MailDomain d where d.name = :name", Long.class)
            .setParameter("name", MailDomain.normalizeName(name))
            .getSingleResult()
        > 0;
  }
}
