package org.postroom.web.common;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.postroom.service.common.SeekDirection;

/**
 * Remembers the page a table shows, so that the next, previous, same and last page are found next
 * to its rows (keyset paging) rather than counted from the top: page 2,000 then costs what page 1
 * does. Only a jump elsewhere (a page link further away) counts its way there.
 *
 * @param <R> a row of the table
 */
public final class KeysetPaging<R extends Serializable> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How to find a page: next to a row (null for the last page), and how many rows it holds. */
  public record Step<R>(SeekDirection direction, R row, int size) {}

  /** What the rows shown were selected and ordered by (filters, sort), their place and rows. */
  private Serializable order;

  private int first;
  private int size;
  private List<R> rows = List.of();

  /**
   * The step to the wanted page of rows in {@code order}, or null when it is to be counted from the
   * top. {@code count} is the number of rows in that order, or negative when not known.
   */
  public Step<R> step(Serializable wantedOrder, int wantedFirst, int wantedSize, long count) {
    boolean same = Objects.equals(order, wantedOrder) && wantedSize == size && !rows.isEmpty();
    if (same && wantedFirst == first + size) {
      return new Step<>(SeekDirection.AFTER, rows.get(rows.size() - 1), wantedSize);
    }
    if (same && wantedFirst == first) {
      return new Step<>(SeekDirection.FROM, rows.get(0), wantedSize);
    }
    if (same && wantedFirst == first - size) {
      return new Step<>(SeekDirection.BEFORE, rows.get(0), wantedSize);
    }
    long onLastPage = count - wantedFirst;
    if (wantedFirst > 0 && onLastPage > 0 && onLastPage <= wantedSize) {
      return new Step<>(SeekDirection.LAST, null, (int) onLastPage);
    }
    return null;
  }

  /** The page now shown. */
  public void shown(Serializable shownOrder, int shownFirst, int shownSize, List<R> shownRows) {
    order = shownOrder;
    first = shownFirst;
    size = shownSize;
    rows = List.copyOf(shownRows);
  }
}
