package org.postroom.domain.common;

import java.io.Serializable;

/**
 * A change that lost a race: someone else changed or decided the same thing meanwhile, also on
 * another node. 409 through the API; on a page, the message asks to look again.
 */
public class ConflictException extends RuleViolationException {

  private static final long serialVersionUID = 1L;

  public ConflictException(Violation violation) {
    super(violation);
  }

  public ConflictException(String key, Serializable... args) {
    this(Violation.of(null, key, args));
  }
}
