package org.postroom.domain.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuotaLevelTest {

  @Test
  void theLevelFollowsTheUsageBothWays() {
    long quota = 300_000_000L;
    assertEquals(Mailbox.WARNED_NONE, Mailbox.level(0, quota, 90));
    assertEquals(Mailbox.WARNED_NONE, Mailbox.level(269_999_999L, quota, 90));
    assertEquals(Mailbox.WARNED_THRESHOLD, Mailbox.level(270_000_000L, quota, 90));
    assertEquals(Mailbox.WARNED_THRESHOLD, Mailbox.level(299_999_999L, quota, 90));
    assertEquals(Mailbox.WARNED_FULL, Mailbox.level(quota, quota, 90));
    assertEquals(Mailbox.WARNED_FULL, Mailbox.level(quota * 2, quota, 90));
    assertEquals(Mailbox.WARNED_NONE, Mailbox.level(5, 0, 90), "no quota, no warning");
    // large quotas do not overflow: 10 TB at 99 %
    assertEquals(
        Mailbox.WARNED_THRESHOLD, Mailbox.level(9_900_000_000_000L, 10_000_000_000_000L, 99));
  }
}
