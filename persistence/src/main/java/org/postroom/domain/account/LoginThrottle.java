package org.postroom.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The failed logins of one account or one source address in the current window: past the limit,
 * further tries are refused until the block ends, whatever the password.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int KEY_MAX = 120;

  /** How long failures count towards a block, and how long a block lasts. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Failed logins of one account within the window before it is blocked. */
  public static final int ACCOUNT_MAX = 5;

  /**
   * Failed logins from one address within the window before it is blocked: many people share an
   * institution's address (NAT, a library's computers), so far more than for one account.
   */
  public static final int ADDRESS_MAX = 50;

  @Id
  @Column(name = "throttle_key", length = KEY_MAX)
  private String key;

  @Version private long version;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(nullable = false)
  private int failures;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  protected LoginThrottle() {}

  public LoginThrottle(String key, Instant now) {
    this.key = key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
    this.windowStart = now;
  }

  public static String forAccount(String username) {
    return "account:" + username;
  }

  public static String forAddress(String address) {
    return "address:" + address;
  }

  /** Counts one failure; past {@code max} in the window, blocks until the window's length later. */
  public void failed(Instant now, int max) {
    if (!now.isBefore(windowStart.plus(WINDOW))) {
      windowStart = now;
      failures = 0;
    }
    failures++;
    if (failures >= max) {
      blockedUntil = now.plus(WINDOW);
      windowStart = now;
      failures = 0;
    }
  }

  public boolean blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  public String getKey() {
    return key;
  }

  public int getFailures() {
    return failures;
  }

  public Instant getBlockedUntil() {
    return blockedUntil;
  }
}
