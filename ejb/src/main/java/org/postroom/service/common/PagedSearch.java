package org.postroom.service.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Consumer;

/**
 * A search that a page lists: one {@code from … where …} clause and its parameters, read as one
 * page of rows and as the count of all matches, both in the database. Services name what they
 * search for; this holds the plumbing they would otherwise each repeat.
 *
 * @param from the JPQL from clause with its conditions, starting with a space
 * @param binding sets the clause's parameters on a query
 */
public record PagedSearch(EntityManager em, String from, Consumer<TypedQuery<?>> binding) {

  /**
   * One page of rows: {@code select} (a constructor expression for a view record), the clause, then
   * {@code orderBy} (which must make the order total, so that pages neither repeat nor skip).
   */
  public <R> List<R> page(
      String select, Class<R> row, String orderBy, int first, int pageSize, int maxPageSize) {
    TypedQuery<R> query = em.createQuery(select + from + orderBy, row);
    binding.accept(query);
    return Paging.page(query, first, pageSize, maxPageSize);
  }

  /** How many rows match, counting {@code what} (e.g. {@code a} or {@code distinct a}). */
  public long count(String what) {
    TypedQuery<Long> query = em.createQuery("select count(" + what + ")" + from, Long.class);
    binding.accept(query);
    return query.getSingleResult();
  }
}
