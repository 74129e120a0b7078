package org.postroom.web.sharedmailbox;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.postroom.service.sharedmailbox.RequestRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A request table that pages, sorts and filters in the database: PrimeFaces' sort and filter state
 * becomes a {@link RequestQuery}, and only one page of rows is ever loaded.
 */
public class RequestLazyModel extends LazyDataModel<RequestRow> {

  private static final long serialVersionUID = 1L;

  /** Serializable lookups, so that the view state can move between cluster nodes. */
  public interface Loader extends Function<RequestQuery, List<RequestRow>>, Serializable {}

  public interface Counter extends ToLongFunction<RequestQuery>, Serializable {}

  private final Loader loader;
  private final Counter counter;

  public RequestLazyModel(Loader loader, Counter counter) {
    this.loader = loader;
    this.counter = counter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) counter.applyAsLong(query(Map.of(), filterBy, 0, 1));
  }

  @Override
  public List<RequestRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return loader.apply(query(sortBy, filterBy, first, pageSize));
  }

  @Override
  public String getRowKey(RequestRow request) {
    return String.valueOf(request.id());
  }

  @Override
  public RequestRow getRowData(String rowKey) {
    return getWrappedData() == null
        ? null
        : getWrappedData().stream()
            .filter(r -> String.valueOf(r.id()).equals(rowKey))
            .findFirst()
            .orElse(null);
  }

  static RequestQuery query(
      Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy, int first, int size) {
    RequestQuery.Sort sort = RequestQuery.Sort.SUBMITTED;
    boolean ascending = false;
    for (SortMeta meta : sortBy.values()) {
      sort =
          switch (meta.getField()) {
            case "address" -> RequestQuery.Sort.ADDRESS;
            case "state" -> RequestQuery.Sort.STATE;
            case "kind" -> RequestQuery.Sort.KIND;
            case "requester" -> RequestQuery.Sort.REQUESTER;
            default -> RequestQuery.Sort.SUBMITTED;
          };
      ascending = meta.getOrder() == SortOrder.ASCENDING;
    }
    return new RequestQuery(
        choice(RequestState.class, filterBy.get("state")),
        choice(RequestKind.class, filterBy.get("kind")),
        text(filterBy.get("globalFilter")),
        sort,
        ascending,
        first,
        size);
  }

  /** The constant a column's drop-down filter chose, or null for all (or anything unknown). */
  private static <E extends Enum<E>> E choice(Class<E> type, FilterMeta filter) {
    if (filter == null
        || filter.getFilterValue() == null
        || filter.getFilterValue().toString().isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, filter.getFilterValue().toString());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String text(FilterMeta filter) {
    return filter == null || filter.getFilterValue() == null
        ? null
        : filter.getFilterValue().toString();
  }
}
