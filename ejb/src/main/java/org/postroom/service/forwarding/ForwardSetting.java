package org.postroom.service.forwarding;

import java.io.Serializable;
import java.util.List;

/** A mailbox's forward as its owner sees it; no targets: mail stays in the mailbox. */
public record ForwardSetting(String address, List<String> targets, boolean keepCopy)
    implements Serializable {

  public ForwardSetting {
    targets = List.copyOf(targets);
  }

  public String targetsText() {
    return String.join(", ", targets);
  }

  public boolean forwarding() {
    return !targets.isEmpty();
  }
}
