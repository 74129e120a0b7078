package org.postroom.service.api;

import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.api.ApiScope;
import org.postroom.domain.api.ApiToken;

/** An API token as the administrators' page shows it: never its secret. */
public record ApiTokenRow(
    long id,
    String name,
    ApiScope scope,
    String hint,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt,
    long uses,
    String state)
    implements Serializable {

  static ApiTokenRow of(ApiToken token, Instant now) {
    return new ApiTokenRow(
        token.getId(),
        token.getName(),
        token.getScope(),
        token.getHint(),
        token.getCreatedAt(),
        token.getCreatedBy(),
        token.getExpiresAt(),
        token.getRevokedAt(),
        token.getRevokedBy(),
        token.getLastUsedAt(),
        token.getUses(),
        token.getRevokedAt() != null ? "REVOKED" : token.isValidAt(now) ? "ACTIVE" : "EXPIRED");
  }
}
