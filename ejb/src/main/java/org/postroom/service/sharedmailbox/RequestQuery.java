package org.postroom.service.sharedmailbox;

import java.io.Serializable;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;

/**
 * One page of a request list: which rows (state, kind, free text over address and requester), in
 * which order, from where. Sorting is by a fixed set of columns, so that no user text reaches the
 * query as code.
 */
public record RequestQuery(
    RequestState state,
    RequestKind kind,
    String text,
    Sort sort,
    boolean ascending,
    int first,
    int pageSize)
    implements Serializable {

  public static final int MAX_PAGE_SIZE = 100;

  public enum Sort {
    SUBMITTED("r.submittedAt"),
    ADDRESS("r.address"),
    STATE("r.state"),
    KIND("r.kind"),
    REQUESTER("a.username");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  public RequestQuery {
    sort = sort == null ? Sort.SUBMITTED : sort;
    first = Math.max(0, first);
    pageSize = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
    text = text == null || text.isBlank() ? null : text.strip();
  }

  public static RequestQuery firstPage(RequestState state) {
    return new RequestQuery(state, null, null, Sort.SUBMITTED, true, 0, 20);
  }
}
