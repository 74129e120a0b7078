package org.postroom.domain.common;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Input or an operation that breaks a business rule. Reaches the caller as it is (not wrapped in an
 * EJBException) and rolls the transaction back, so that nothing of a rejected change is kept.
 */
@ApplicationException(rollback = true)
public class RuleViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public RuleViolationException(List<Violation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rule violation needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public RuleViolationException(Violation violation) {
    this(List.of(violation));
  }

  public static RuleViolationException of(String key, java.io.Serializable... args) {
    return new RuleViolationException(Violation.of(null, key, args));
  }

  public List<Violation> violations() {
    return violations;
  }

  public boolean hasKey(String key) {
    return violations.stream().anyMatch(v -> v.key().equals(key));
  }

  private static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation v : violations) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(v.field() == null ? "" : v.field() + ": ").append(v.key()).append(v.args());
    }
    return text.toString();
  }
}
