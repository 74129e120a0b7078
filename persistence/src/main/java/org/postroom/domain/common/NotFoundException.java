package org.postroom.domain.common;

import java.io.Serializable;

/**
 * The thing a caller named does not exist (or is not the caller's to see, which must read the
 * same): 404 through the API, the message on a page.
 */
public class NotFoundException extends RuleViolationException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(Violation violation) {
    super(violation);
  }

  public NotFoundException(String key, Serializable... args) {
    this(Violation.of(null, key, args));
  }
}
