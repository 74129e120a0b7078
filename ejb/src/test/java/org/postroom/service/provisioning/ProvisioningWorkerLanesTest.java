package org.postroom.service.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.provisioning.ProvisioningChange;

class ProvisioningWorkerLanesTest {

  private static ProvisioningChange change(long mailbox, String payload) {
    return new ProvisioningChange(
        mailbox,
        "m" + mailbox + "@uni.example",
        ChangeKind.PUT_SIEVE,
        payload,
        "test",
        Instant.parse("2026-12-01T09:00:00Z"));
  }

  @Test
  void eachMailboxStaysInOneLaneInItsOrderAndTheLanesAreBounded() {
    List<ProvisioningChange> due = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (long mailbox = 1; mailbox <= 9; mailbox++) {
        due.add(change(mailbox, "round " + round));
      }
    }
    List<List<ProvisioningChange>> lanes = ProvisioningWorker.lanes(due);
    assertEquals(ProvisioningWorker.LANES, lanes.size());
    assertEquals(due.size(), lanes.stream().mapToInt(List::size).sum());
    for (long mailbox = 1; mailbox <= 9; mailbox++) {
      long m = mailbox;
      List<Integer> holding = new ArrayList<>();
      for (int i = 0; i < lanes.size(); i++) {
        if (lanes.get(i).stream().anyMatch(c -> c.getMailboxId() == m)) {
          holding.add(i);
        }
      }
      assertEquals(1, holding.size(), "mailbox " + m + " in one lane");
      assertEquals(
          List.of("round 0", "round 1", "round 2"),
          lanes.get(holding.get(0)).stream()
              .filter(c -> c.getMailboxId() == m)
              .map(ProvisioningChange::getPayload)
              .toList());
    }
    Set<Integer> sizes = lanes.stream().map(List::size).collect(Collectors.toSet());
    assertTrue(sizes.stream().allMatch(size -> size >= 6 && size <= 9), sizes.toString());
  }

  @Test
  void fewMailboxesMakeFewLanes() {
    assertEquals(1, ProvisioningWorker.lanes(List.of(change(1, "a"), change(1, "b"))).size());
    assertEquals(List.of(), ProvisioningWorker.lanes(List.of()));
  }
}
