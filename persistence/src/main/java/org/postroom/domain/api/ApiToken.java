package org.postroom.domain.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.common.Secrets;

/**
 * A key with which another system calls /api, in the name of the administrator's decision to let
 * it: only the SHA-256 of its secret is kept, so a copy of the database opens nothing.
 */
@Entity
@Table(name = "api_token")
public class ApiToken implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int NAME_MAX = 60;

  /** What every secret starts with, so that one pasted somewhere is recognisable as Postroom's. */
  public static final String PREFIX = "pr_";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApiScope scope;

  @Column(name = "secret_sha256", nullable = false, length = 64)
  private String secretSha256;

  /** The secret's first characters, to tell tokens apart on the page. */
  @Column(nullable = false, length = 12)
  private String hint;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(nullable = false)
  private long uses;

  protected ApiToken() {}

  private ApiToken(
      String name,
      ApiScope scope,
      String secret,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    this.name = name;
    this.scope = scope;
    this.secretSha256 = Secrets.sha256(secret);
    this.hint = secret.substring(0, Math.min(secret.length(), 10));
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  /** A token and its secret, which exists only in this answer: it is never stored. */
  public record Issued(ApiToken token, String secret) {}

  /** A new token with a random 256-bit secret. */
  public static Issued issue(
      String name, ApiScope scope, Instant expiresAt, String createdBy, Instant now) {
    String secret = PREFIX + Secrets.random();
    return new Issued(new ApiToken(name, scope, secret, expiresAt, createdBy, now), secret);
  }

  /** A token with a secret chosen by the caller: demo data only, whose secrets are published. */
  public static ApiToken withSecret(
      String name,
      ApiScope scope,
      String secret,
      Instant expiresAt,
      String createdBy,
      Instant now) {
    return new ApiToken(name, scope, secret, expiresAt, createdBy, now);
  }

  /** Whether the token opens anything now: not revoked, not expired. */
  public boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Revokes it for good; revoking a revoked token changes nothing. */
  public boolean revoke(String by, Instant now) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    revokedBy = by;
    return true;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public ApiScope getScope() {
    return scope;
  }

  public String getHint() {
    return hint;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public long getUses() {
    return uses;
  }
}
