package org.postroom.service.directory;

import java.io.Serializable;
import java.util.List;

/**
 * What an import did: counts per outcome, and every rejected record with the reason (a message
 * key).
 */
public record ImportReport(
    int created, int updated, int unchanged, int rejected, List<Rejection> rejections)
    implements Serializable {

  /** A record that was not applied at all; {@code index} counts from 1 in the order received. */
  public record Rejection(int index, String registryId, String key, List<String> args)
      implements Serializable {}
}
