package org.postroom.domain.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * Whether the provisioning outbox last reached a mail server (one row per provisioning key): since
 * when it cannot, or when it last did after not being able to. Pages read it to tell a person whose
 * change waits why.
 */
@Entity
@Table(name = "mail_server_contact")
public class MailServerContact implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The default mail server's row; the others' are named by their provisioning key. */
  public static final String DEFAULT = ProvisioningChange.DEFAULT_SERVER;

  private static final int ERROR_MAX = 1000;

  @Id
  @Column(name = "server_name", length = 64)
  private String serverName;

  @Version private long version;

  @Column(name = "unreachable_since")
  private Instant unreachableSince;

  @Column(name = "reached_at")
  private Instant reachedAt;

  @Column(name = "last_error", length = ERROR_MAX)
  private String lastError;

  protected MailServerContact() {}

  public MailServerContact(String serverName) {
    this.serverName = serverName;
  }

  /** The server could not be reached; the first time since it was last reached counts. */
  public void unreachable(String error, Instant now) {
    if (unreachableSince == null) {
      unreachableSince = now;
    }
    lastError =
        error == null ? null : error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
  }

  public void reached(Instant now) {
    unreachableSince = null;
    reachedAt = now;
    lastError = null;
  }

  public boolean isUnreachable() {
    return unreachableSince != null;
  }

  public String getServerName() {
    return serverName;
  }

  public Instant getUnreachableSince() {
    return unreachableSince;
  }

  public Instant getReachedAt() {
    return reachedAt;
  }

  public String getLastError() {
    return lastError;
  }
}
