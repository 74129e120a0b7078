package org.postroom.domain.api;

import java.util.List;

/** What an API token opens: the paths under {@code /api/} of one area, or all of them. */
public enum ApiScope {
  /** The registry feed and its imports. */
  REGISTRY(List.of("registry/")),
  /** The accounts' lifecycle (the nightly run, from a scheduler). */
  ACCOUNTS(List.of("accounts/")),
  /** Domains and their policies. */
  DOMAINS(List.of("domains")),
  /** The mail server: reconcile and the quota scan. */
  MAIL_SERVER(List.of("mail-server", "mailboxes/")),
  /** Everything under /api. */
  ALL(List.of(""));

  private final List<String> prefixes;

  ApiScope(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  /** Whether the path under {@code /api/} (e.g. {@code registry/people}) is within the scope. */
  public boolean covers(String apiPath) {
    String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
    return prefixes.stream().anyMatch(path::startsWith);
  }
}
