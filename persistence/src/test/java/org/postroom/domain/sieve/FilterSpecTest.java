package org.postroom.domain.sieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.common.Violation;

class FilterSpecTest {

  private static FilterSpec toFolder(String folder) {
    return new FilterSpec(
            FilterField.SUBJECT,
            null,
            FilterMatch.CONTAINS,
            "report",
            null,
            FilterDestination.FOLDER,
            folder,
            false,
            null,
            false)
        .normalized();
  }

  private static List<String> keys(FilterSpec spec) {
    return spec.violations().stream().map(Violation::key).toList();
  }

  @Test
  void folderNamesTheMailServerCannotCarryAreRefused() {
    assertEquals(List.of(), keys(toFolder("Reports")));
    assertEquals(List.of(), keys(toFolder(" Projects / Débats 2026 ")));
    assertEquals(List.of(), keys(toFolder("The \"Quoted\" x~y")));
    assertEquals("Projects/Débats 2026", toFolder(" Projects / Débats 2026 ").folder());
    assertEquals(List.of("filter.folder.required"), keys(toFolder("  ")));
    assertEquals(List.of("filter.folder.inbox"), keys(toFolder("inbox")));
    assertEquals(List.of("filter.folder.dot"), keys(toFolder("Lists.2026")));
    for (String bad : List.of("a*", "50%", "a\\b", "~x", "/top", "end/", "a//b", "a\nb")) {
      assertEquals(List.of("filter.folder.invalid"), keys(toFolder(bad)), bad);
    }
    assertEquals(List.of("filter.folder.tooLong"), keys(toFolder("x".repeat(101))));
  }

  @Test
  void eachConditionNeedsItsValueAndDropsTheOthers() {
    FilterSpec size =
        new FilterSpec(
                FilterField.SIZE_OVER,
                "X-Ignored",
                FilterMatch.IS,
                "ignored",
                0L,
                FilterDestination.TRASH,
                "ignored",
                false,
                " ",
                false)
            .normalized();
    assertNull(size.value());
    assertNull(size.match());
    assertNull(size.headerName());
    assertNull(size.folder());
    assertNull(size.forwardTo());
    assertEquals(List.of("filter.size.range"), keys(size));

    FilterSpec header =
        new FilterSpec(
                FilterField.HEADER,
                "X-Spam: yes",
                null,
                "a\u0000b",
                null,
                FilterDestination.INBOX,
                null,
                true,
                null,
                false)
            .normalized();
    assertEquals(FilterMatch.CONTAINS, header.match(), "contains unless said otherwise");
    assertEquals(List.of("filter.header.invalid", "filter.value.control"), keys(header));
    assertEquals(
        List.of("filter.value.tooLong"),
        keys(
            new FilterSpec(
                    FilterField.FROM,
                    null,
                    FilterMatch.CONTAINS,
                    "x".repeat(201),
                    null,
                    FilterDestination.TRASH,
                    null,
                    false,
                    null,
                    false)
                .normalized()));
  }

  @Test
  void aRuleThatChangesNothingIsRefused() {
    FilterSpec idle =
        new FilterSpec(
                FilterField.SUBJECT,
                null,
                FilterMatch.CONTAINS,
                "x",
                null,
                FilterDestination.INBOX,
                null,
                false,
                null,
                false)
            .normalized();
    assertEquals(List.of("filter.nothingToDo"), keys(idle));
    assertEquals(
        List.of("filter.field.required"),
        keys(
            new FilterSpec(
                    null, null, null, null, null, FilterDestination.TRASH, null, false, null, false)
                .normalized()));
  }
}
