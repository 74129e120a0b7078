package org.postroom.domain.maildomain;

/**
 * Who sets forwards and vacation replies: the user, or the domain's administrator (hosting provider
 * E).
 */
public enum SettingsManager {
  USER,
  DOMAIN_ADMIN
}
