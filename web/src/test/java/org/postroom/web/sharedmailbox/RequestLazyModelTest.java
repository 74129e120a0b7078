package org.postroom.web.sharedmailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.postroom.service.sharedmailbox.RequestRow;
import org.primefaces.model.FilterMeta;

/** Which query the table sends for which page: counted once, found next to the rows shown. */
class RequestLazyModelTest {

  private final List<RequestQuery> loads = new ArrayList<>();
  private int counts;

  private final RequestLazyModel model =
      new RequestLazyModel(
          query -> {
            loads.add(query);
            List<RequestRow> rows = new ArrayList<>();
            for (int i = 0; i < query.pageSize(); i++) {
              rows.add(row(query.first() + i));
            }
            return rows;
          },
          query -> {
            counts++;
            return 95;
          });

  private static RequestRow row(long id) {
    return new RequestRow(
        id,
        RequestKind.SHARED_MAILBOX,
        "a" + id + "@x.example",
        RequestState.SUBMITTED,
        "u",
        "U",
        Instant.EPOCH.plusSeconds(id));
  }

  private RequestQuery page(int first) {
    model.count(Map.of());
    model.load(first, 10, Map.of(), Map.of());
    return loads.get(loads.size() - 1);
  }

  @Test
  void countsOncePerFilterAndSeeksNextToTheRowsShown() {
    assertNull(page(0).seek(), "the first page is read from the top");
    RequestQuery next = page(10);
    assertEquals(SeekDirection.AFTER, next.seek().direction());
    assertEquals(9, next.seek().row().id(), "after the last row shown");
    RequestQuery again = page(10);
    assertEquals(SeekDirection.FROM, again.seek().direction());
    assertEquals(10, again.seek().row().id());
    RequestQuery back = page(0);
    assertEquals(SeekDirection.BEFORE, back.seek().direction());
    assertEquals(10, back.seek().row().id());
    RequestQuery last = page(90);
    assertEquals(SeekDirection.LAST, last.seek().direction());
    assertEquals(5, last.pageSize(), "the last page holds what is left of 95 rows");
    assertNull(page(50).seek(), "a jump elsewhere counts its way there");
    assertEquals(1, counts, "one count while the filter stays");

    model.count(
        Map.of("state", FilterMeta.builder().field("state").filterValue("REJECTED").build()));
    assertEquals(2, counts, "a new filter is counted anew");
  }
}
