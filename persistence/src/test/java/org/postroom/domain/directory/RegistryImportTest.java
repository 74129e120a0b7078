package org.postroom.domain.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When an import counts as interrupted (its node died): what the admin page and the takeover see.
 */
class RegistryImportTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final Duration STALL = Duration.ofSeconds(60);

  @Test
  void anActiveImportWithoutProgressForTheStallTimeIsStalled() {
    Instant old = NOW.minus(Duration.ofHours(1));
    assertTrue(RegistryImport.isStalled(ImportState.RUNNING, old, old, STALL, NOW));
    assertTrue(RegistryImport.isStalled(ImportState.QUEUED, null, old, STALL, NOW));
  }

  @Test
  void recentProgressOrAnEndedImportIsNotStalled() {
    Instant old = NOW.minus(Duration.ofHours(1));
    Instant recent = NOW.minusSeconds(59);
    assertFalse(RegistryImport.isStalled(ImportState.RUNNING, recent, old, STALL, NOW));
    assertFalse(RegistryImport.isStalled(ImportState.QUEUED, null, recent, STALL, NOW));
    for (ImportState ended :
        new ImportState[] {
          ImportState.STOPPED, ImportState.FAILED, ImportState.COMPLETED, ImportState.ABANDONED
        }) {
      assertFalse(RegistryImport.isStalled(ended, old, old, STALL, NOW), ended.name());
    }
  }

  @Test
  void theInstanceAsksItsOwnColumns() {
    RegistryImport queued =
        new RegistryImport(
            "registry.csv",
            "registryId\n".getBytes(StandardCharsets.UTF_8),
            0,
            "admin",
            NOW.minus(Duration.ofHours(1)));
    assertTrue(queued.isStalled(STALL, NOW));
    queued.running(NOW.minusSeconds(10));
    assertFalse(queued.isStalled(STALL, NOW));
  }
}
