package org.postroom.web.sharedmailbox;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.domain.sharedmailbox.SharedMailboxRequest;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A request table that pages, sorts and filters in the database: PrimeFaces' sort and filter state
 * becomes a {@link RequestQuery}, and only one page of rows is ever loaded.
 */
public class RequestLazyModel extends LazyDataModel<SharedMailboxRequest> {

  private static final long serialVersionUID = 1L;

  /** Serializable lookups, so that the view state can move between cluster nodes. */
  public interface Loader
      extends Function<RequestQuery, List<SharedMailboxRequest>>, Serializable {}

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
  public List<SharedMailboxRequest> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return loader.apply(query(sortBy, filterBy, first, pageSize));
  }

  @Override
  public String getRowKey(SharedMailboxRequest request) {
    return String.valueOf(request.getId());
  }

  @Override
  public SharedMailboxRequest getRowData(String rowKey) {
    return getWrappedData() == null
        ? null
        : getWrappedData().stream()
            .filter(r -> String.valueOf(r.getId()).equals(rowKey))
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
            case "requester" -> RequestQuery.Sort.REQUESTER;
            default -> RequestQuery.Sort.SUBMITTED;
          };
      ascending = meta.getOrder() == SortOrder.ASCENDING;
    }
    return new RequestQuery(
        state(filterBy.get("state")),
        text(filterBy.get("globalFilter")),
        sort,
        ascending,
        first,
        size);
  }

  private static RequestState state(FilterMeta filter) {
    if (filter == null
        || filter.getFilterValue() == null
        || filter.getFilterValue().toString().isBlank()) {
      return null;
    }
    try {
      return RequestState.valueOf(filter.getFilterValue().toString());
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
