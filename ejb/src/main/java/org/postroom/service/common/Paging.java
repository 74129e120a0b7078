package org.postroom.service.common;

import jakarta.persistence.TypedQuery;
import java.util.List;

/** One page of a query's rows, read in the database; a page is never larger than its maximum. */
public final class Paging {

  private Paging() {}

  public static <T> List<T> page(TypedQuery<T> query, int first, int pageSize, int maxPageSize) {
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.min(Math.max(1, pageSize), maxPageSize))
        .getResultList();
  }
}
