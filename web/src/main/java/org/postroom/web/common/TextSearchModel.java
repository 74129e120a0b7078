package org.postroom.web.common;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postroom.service.common.SeekDirection;
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

  /** A page found next to a row shown (keyset paging), or the last page (row null). */
  public interface SeekPager<T> extends Serializable {
    List<T> page(String text, T row, SeekDirection direction, int pageSize);
  }

  /** A row's unique key. */
  public interface RowKey<T> extends Serializable {
    String of(T row);
  }

  private final Counter counter;
  private final Pager<T> pager;
  private final RowKey<T> rowKey;
  private final boolean countOncePerText;
  private final SeekPager<T> seekPager;

  /** The text last counted, and its count, when the rows are counted once per text. */
  private String countedText;

  private Long count;

  /** The page shown, for keyset paging (rows of a serializable type only: see {@link #large}). */
  private final KeysetPaging<Serializable> paging = new KeysetPaging<>();

  public TextSearchModel(Counter counter, Pager<T> pager, RowKey<T> rowKey) {
    this(counter, pager, null, rowKey, false);
  }

  private TextSearchModel(
      Counter counter,
      Pager<T> pager,
      SeekPager<T> seekPager,
      RowKey<T> rowKey,
      boolean countOncePerText) {
    this.counter = counter;
    this.pager = pager;
    this.seekPager = seekPager;
    this.rowKey = rowKey;
    this.countOncePerText = countOncePerText;
  }

  /**
   * A table of a large list that its page never changes (the account search): its rows are counted
   * when the text changes, not again at every page, and the next, previous, same and last page are
   * found next to the rows shown ({@link KeysetPaging}). Lists the page adds to count every time.
   */
  public static <T extends Serializable> TextSearchModel<T> large(
      Counter counter, Pager<T> pager, SeekPager<T> seekPager, RowKey<T> rowKey) {
    return new TextSearchModel<>(counter, pager, seekPager, rowKey, true);
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    String text = text(filterBy);
    if (!countOncePerText || count == null || !Objects.equals(text, countedText)) {
      count = counter.count(text);
      countedText = text;
    }
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String text = text(filterBy);
    if (seekPager == null) {
      return pager.page(text, first, pageSize);
    }
    String order = text == null ? "" : "text:" + text;
    long known = count != null && Objects.equals(text, countedText) ? count : -1;
    if (known == 0) {
      return List.of(); // nothing matches: no need to look for a page
    }
    KeysetPaging.Step<Serializable> step = paging.step(order, first, pageSize, known);
    @SuppressWarnings("unchecked")
    List<T> rows =
        step == null
            ? pager.page(text, first, pageSize)
            : seekPager.page(text, (T) step.row(), step.direction(), step.size());
    paging.shown(order, first, pageSize, rows.stream().map(Serializable.class::cast).toList());
    return rows;
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
