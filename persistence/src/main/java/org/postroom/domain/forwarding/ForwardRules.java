package org.postroom.domain.forwarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.ForwardPolicy;

/**
 * What a mailbox may forward to: one to {@link #MAX_TARGETS} well-formed addresses, never the
 * mailbox itself, never from a shared mailbox or where the domain's policy forbids forwarding, and
 * only to the domains of the mailbox's own institution where the policy says so. Loops through
 * other forwards need the database and are the forwarding service's to find.
 */
public final class ForwardRules {

  public static final int MAX_TARGETS = 5;

  private ForwardRules() {}

  /** The targets as typed, normalized, without blanks and repeats, in their order. */
  public static List<String> normalize(List<String> raw) {
    Set<String> targets = new LinkedHashSet<>();
    for (String target : raw == null ? List.<String>of() : raw) {
      String normalized = MailAddresses.normalize(target);
      if (!normalized.isEmpty()) {
        targets.add(normalized);
      }
    }
    return List.copyOf(targets);
  }

  /**
   * Every rule the normalized targets break for this mailbox; {@code ownAddresses} are the
   * mailbox's address and aliases, {@code internal} tells the domains of its institution.
   */
  public static List<Violation> check(
      Mailbox mailbox, List<String> targets, Set<String> ownAddresses, Predicate<String> internal) {
    List<Violation> broken = new ArrayList<>();
    if (mailbox.getKind() == MailboxKind.SHARED) {
      broken.add(Violation.of(null, "forward.shared"));
      return broken;
    }
    ForwardPolicy policy = mailbox.getDomain().getMailboxPolicy().getForwardPolicy();
    if (!mailbox.isForwardAllowed() || policy == ForwardPolicy.NONE) {
      broken.add(Violation.of(null, "forward.notAllowed"));
      return broken;
    }
    if (targets.isEmpty()) {
      broken.add(Violation.of("targets", "forward.noTarget"));
    }
    if (targets.size() > MAX_TARGETS) {
      broken.add(Violation.of("targets", "forward.tooMany", MAX_TARGETS));
    }
    for (String target : targets) {
      if (!MailAddresses.isWellFormed(target)) {
        broken.add(Violation.of("targets", "forward.malformed", printable(target)));
      } else if (ownAddresses.contains(target)) {
        broken.add(Violation.of("targets", "forward.self", target));
      } else if (policy == ForwardPolicy.INTERNAL
          && !internal.test(MailAddresses.domainOf(target))) {
        broken.add(Violation.of("targets", "forward.outside", target));
      }
    }
    return broken;
  }

  /** A refused target shown back to the user: control characters visible, length bounded. */
  private static String printable(String target) {
    StringBuilder shown = new StringBuilder();
    target
        .codePoints()
        .limit(80)
        .forEach(c -> shown.append(Character.isISOControl(c) ? "\uFFFD" : Character.toString(c)));
    return target.codePointCount(0, target.length()) > 80 ? shown + "…" : shown.toString();
  }
}
