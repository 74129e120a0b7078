package org.postroom.service.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.service.forwarding.ForwardSetting;

class MailboxOverviewTest {

  private static MailboxOverview used(Long bytes) {
    return new MailboxOverview(
        "ann@uni.example",
        "Ann Smith",
        List.of("a.smith@uni.example"),
        300_000_000L,
        bytes,
        bytes == null ? null : Instant.parse("2026-12-01T03:00:00Z"),
        90,
        ForwardPolicy.ANY,
        true,
        false,
        new ForwardSetting("ann@uni.example", List.of(), false),
        null,
        null,
        true,
        0,
        0,
        null);
  }

  @Test
  void theTrashFollowsTheDomainUntilThePersonChooses() {
    MailboxOverview domainDefault = used(null);
    assertTrue(domainDefault.trashKeepsDeleted());
    MailboxOverview removesAtOnce =
        new MailboxOverview(
            domainDefault.address(),
            domainDefault.ownerName(),
            domainDefault.aliases(),
            domainDefault.quotaBytes(),
            null,
            null,
            90,
            ForwardPolicy.ANY,
            true,
            false,
            domainDefault.forward(),
            null,
            false,
            true,
            2,
            1,
            null);
    assertFalse(removesAtOnce.trashKeepsDeleted());
  }

  @Test
  void theQuotaBarShowsThePercentAndWarnsFromTheDomainsThreshold() {
    assertNull(used(null).usedPercent(), "never read: no bar");
    assertFalse(used(null).nearlyFull());
    assertEquals(89, used(269_999_999L).usedPercent());
    assertFalse(used(269_999_999L).nearlyFull());
    assertTrue(used(270_000_000L).nearlyFull(), "90 % is the threshold");
    assertEquals(120, used(360_000_000L).usedPercent(), "over quota shows as it is");
  }
}
