package org.postroom.service.filter;

import java.io.Serializable;
import org.postroom.domain.sieve.FilterSpec;

/** A filter rule as a settings file carries it: what it does and whether it is on. */
public record FilterEntry(FilterSpec rule, boolean enabled) implements Serializable {}
