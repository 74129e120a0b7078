package org.postroom.domain.sieve;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * The Sieve script Postroom wants active for a mailbox, as generated from its settings: what the
 * outbox puts on the mail server and what reconcile compares the server's copy with.
 */
@Entity
@Table(name = "mailbox_sieve")
public class MailboxSieve implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The name of Postroom's script on the mail server. */
  public static final String SCRIPT_NAME = "postroom";

  @Id
  @Column(name = "mailbox_id")
  private Long mailboxId;

  @Version private long version;

  @Column(nullable = false, length = 65536)
  private String script;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected MailboxSieve() {}

  public MailboxSieve(long mailboxId, String script, Instant now) {
    this.mailboxId = mailboxId;
    this.script = script;
    this.updatedAt = now;
  }

  /** Replaces the script; false when it is the same (nothing to send to the mail server). */
  public boolean replace(String newScript, Instant now) {
    if (script.equals(newScript)) {
      return false;
    }
    script = newScript;
    updatedAt = now;
    return true;
  }

  public Long getMailboxId() {
    return mailboxId;
  }

  public String getScript() {
    return script;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
