package org.postroom.web.common;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table searched by one text (the table's global filter) and paged in the database by a service:
 * the account search, the domain list, the service notices. Holds only serializable functions, so
 * that the view it lives in can move between cluster nodes.
 */
public class TextSearchModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** How many rows match the text (all rows when it is {@code null}). */
  public interface Counter extends Serializable {
    long count(String text);
  }

  /** One page of the matching rows. */
  public interface Pager<T> extends Serializable {
    List<T> page(String text, int first, int pageSize);
  }

  /** A row's unique key. */
  public interface RowKey<T> extends Serializable {
    String of(T row);
  }

  private final Counter counter;
  private final Pager<T> pager;
  private final RowKey<T> rowKey;

  public TextSearchModel(Counter counter, Pager<T> pager, RowKey<T> rowKey) {
    this.counter = counter;
    this.pager = pager;
    this.rowKey = rowKey;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, counter.count(text(filterBy)));
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return pager.page(text(filterBy), first, pageSize);
  }

  @Override
  public String getRowKey(T row) {
    return rowKey.of(row);
  }

  private static String text(Map<String, FilterMeta> filterBy) {
    FilterMeta global = filterBy.get("globalFilter");
    return global == null || global.getFilterValue() == null
        ? null
        : global.getFilterValue().toString();
  }
}
