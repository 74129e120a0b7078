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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.postroom.domain.account.Account;

/**
 * Somebody who cannot log in asks the helpdesk for help ("forgot password"). Kept whether or not
 * the account they name exists — the form's answer never tells — with the account it matched, for
 * the helpdesk only.
 */
@Entity
@Table(name = "help_request")
public class HelpRequest implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int IDENTITY_MAX = 320;
  public static final int MESSAGE_MAX = 2000;
  public static final int SOURCE_MAX = 64;

  /** Whether the helpdesk still has to act. */
  public enum State {
    OPEN,
    RESOLVED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "help_request_seq")
  @SequenceGenerator(
      name = "help_request_seq",
      sequenceName = "help_request_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 24)
  private String kind;

  @Column(name = "claimed_identity", nullable = false, length = IDENTITY_MAX)
  private String claimedIdentity;

  @Column(name = "contact_address", nullable = false, length = 320)
  private String contactAddress;

  @Column(length = MESSAGE_MAX)
  private String message;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id")
  private Account account;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The network address the request came from (the client's, as a trusted proxy tells it). */
  @Column(name = "source_address", length = SOURCE_MAX)
  private String sourceAddress;

  @Column(name = "handled_by", length = 64)
  private String handledBy;

  @Column(name = "handled_at")
  private Instant handledAt;

  protected HelpRequest() {}

  public HelpRequest(
      String claimedIdentity,
      String contactAddress,
      String message,
      Account account,
      String sourceAddress,
      Instant now) {
    this.kind = "PASSWORD";
    this.sourceAddress =
        sourceAddress == null || sourceAddress.length() <= SOURCE_MAX
            ? sourceAddress
            : sourceAddress.substring(0, SOURCE_MAX);
    this.claimedIdentity = claimedIdentity;
    this.contactAddress = contactAddress;
    this.message = message;
    this.account = account;
    this.state = State.OPEN;
    this.createdAt = now;
  }

  public void resolve(String helpdesk, Instant now) {
    if (state != State.OPEN) {
      throw new IllegalStateException("already resolved");
    }
    state = State.RESOLVED;
    handledBy = helpdesk;
    handledAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getClaimedIdentity() {
    return claimedIdentity;
  }

  public String getContactAddress() {
    return contactAddress;
  }

  public String getMessage() {
    return message;
  }

  public Account getAccount() {
    return account;
  }

  public State getState() {
    return state;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getHandledBy() {
    return handledBy;
  }
}
