package org.postroom.web.sharedmailbox;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.postroom.service.sharedmailbox.RequestQuery.Seek;
import org.postroom.service.sharedmailbox.RequestRow;
import org.postroom.web.common.KeysetPaging;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A request table that pages, sorts and filters in the database: PrimeFaces' sort and filter state
 * becomes a {@link RequestQuery}, and only one page of rows is ever loaded. The rows are counted
 * once per filter, not at every page; the next, previous, same and last page are found next to the
 * rows shown (keyset paging), so that page 2,000 costs what page 1 does; only a jump elsewhere
 * counts its way there.
 */
public class RequestLazyModel extends LazyDataModel<RequestRow> {

  private static final long serialVersionUID = 1L;

  /** Serializable lookups, so that the view state can move between cluster nodes. */
  public interface Loader extends Function<RequestQuery, List<RequestRow>>, Serializable {}

  public interface Counter extends ToLongFunction<RequestQuery>, Serializable {}

  private final Loader loader;
  private final Counter counter;

  /** The filter the rows were counted for, and their number. */
  private RequestQuery counted;

  private long count;

  private final KeysetPaging<RequestRow> paging = new KeysetPaging<>();

  public RequestLazyModel(Loader loader, Counter counter) {
    this.loader = loader;
    this.counter = counter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    RequestQuery filter = query(Map.of(), filterBy, 0, 1);
    if (!filter.sameRows(counted)) {
      count = counter.applyAsLong(filter);
      counted = filter;
    }
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  @Override
  public List<RequestRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    RequestQuery wanted = query(sortBy, filterBy, first, pageSize);
    // nothing matches: no need to look for a page (a text that matches nothing reads every row)
    List<RequestRow> rows =
        wanted.sameRows(counted) && count == 0 ? List.of() : loader.apply(nextTo(wanted));
    paging.shown(order(wanted), first, pageSize, rows);
    return rows;
  }

  /** The query that finds the wanted page next to the one shown, if it can; else the wanted one. */
  RequestQuery nextTo(RequestQuery wanted) {
    KeysetPaging.Step<RequestRow> step =
        paging.step(
            order(wanted),
            wanted.first(),
            wanted.pageSize(),
            wanted.sameRows(counted) ? count : -1);
    return step == null
        ? wanted
        : wanted.seeking(new Seek(step.row(), step.direction()), wanted.first(), step.size());
  }

  /** The rows and their order, without the place: what a page found next to another must share. */
  private static RequestQuery order(RequestQuery query) {
    return new RequestQuery(
        query.state(), query.kind(), query.text(), query.sort(), query.ascending(), 0, 1);
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
