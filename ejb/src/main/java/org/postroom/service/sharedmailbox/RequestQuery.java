package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.Function;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.common.SeekDirection;

/**
 * One page of a request list: which rows (state, kind, free text over address and requester), in
 * which order, from where. Sorting is by a fixed set of columns, so that no user text reaches the
 * query as code. A page is found by counting from the top ({@code first}), or, cheaper however deep
 * it is, next to a row the table already showed ({@link Seek}).
 */
public record RequestQuery(
    RequestState state,
    RequestKind kind,
    String text,
    Sort sort,
    boolean ascending,
    int first,
    int pageSize,
    Seek seek)
    implements Serializable {

  public static final int MAX_PAGE_SIZE = 100;

  /**
   * The orders offered. Each ends in the submission time and the id, which makes it total (pages
   * neither repeat nor skip) and lets an index of the same columns serve it, page after page.
   */
  public enum Sort {
    SUBMITTED(null, null),
    ADDRESS("r.address", RequestRow::address),
    STATE("r.state", RequestRow::state),
    KIND("r.kind", RequestRow::kind),
    REQUESTER("r.requesterUsername", RequestRow::requesterUsername);

    /** The leading column's JPQL path, or null when the order is by submission alone. */
    final String path;

    /** The leading column's value in a row. */
    final Function<RequestRow, Object> value;

    Sort(String path, Function<RequestRow, Object> value) {
      this.path = path;
      this.value = value;
    }
  }

  /** Where a page starts: right after, at or right before a row shown, or the last page. */
  public record Seek(RequestRow row, SeekDirection direction) implements Serializable {

    public Seek {
      if ((row == null) != (direction == SeekDirection.LAST)) {
        throw new IllegalArgumentException("a seek needs a row, unless it is to the last page");
      }
    }
  }

  public RequestQuery {
    sort = sort == null ? Sort.SUBMITTED : sort;
    first = Math.max(0, first);
    pageSize = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
    text = text == null || text.isBlank() ? null : text.strip();
  }

  public RequestQuery(
      RequestState state,
      RequestKind kind,
      String text,
      Sort sort,
      boolean ascending,
      int first,
      int pageSize) {
    this(state, kind, text, sort, ascending, first, pageSize, null);
  }

  public static RequestQuery firstPage(RequestState state) {
    return new RequestQuery(state, null, null, Sort.SUBMITTED, true, 0, 20);
  }

  /** The same rows and order, a page found next to a row instead of by counting. */
  public RequestQuery seeking(Seek to, int first, int size) {
    return new RequestQuery(state, kind, text, sort, ascending, first, size, to);
  }

  /** Whether another query selects the same rows (a page of it needs no new count). */
  public boolean sameRows(RequestQuery other) {
    return other != null
        && state == other.state
        && kind == other.kind
        && Objects.equals(text, other.text);
  }
}
