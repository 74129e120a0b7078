package org.postroom.domain.help;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.postroom.domain.account.Account;

/**
 * A one-time password reset link the helpdesk had mailed to an account's recovery address. Only the
 * token's SHA-256 is kept: the database alone does not let anyone reset a password.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final Duration VALID_FOR = Duration.ofHours(24);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_seq")
  @SequenceGenerator(
      name = "password_reset_seq",
      sequenceName = "password_reset_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  private Account account;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected PasswordReset() {}

  public PasswordReset(Account account, String tokenHash, String createdBy, Instant now) {
    this.account = account;
    this.tokenHash = tokenHash;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = now.plus(VALID_FOR);
  }

  public boolean isUsable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  /** Spends the link (also to retire older links when a newer one is used). */
  public void use(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  public Account getAccount() {
    return account;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
