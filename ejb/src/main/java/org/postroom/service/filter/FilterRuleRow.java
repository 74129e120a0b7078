package org.postroom.service.filter;

import java.io.Serializable;
import org.postroom.domain.sieve.FilterRule;
import org.postroom.domain.sieve.FilterSpec;

/**
 * One filter rule as the filter page lists it: its place (from 1), whether it is on, what it does.
 */
public record FilterRuleRow(long id, int number, boolean enabled, FilterSpec spec)
    implements Serializable {

  static FilterRuleRow of(FilterRule rule) {
    return new FilterRuleRow(rule.getId(), rule.getPosition() + 1, rule.isEnabled(), rule.spec());
  }
}
