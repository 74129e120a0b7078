package org.postroom.domain.mailbox;

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
import java.time.Instant;

/**
 * A further address of a mailbox: mail to it is delivered to the mailbox (and follows the mailbox's
 * forward). Postfix reads it from the portal's view {@code mail_aliases}.
 */
@Entity
@Table(name = "mailbox_alias")
public class MailboxAlias implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailbox_alias_seq")
  @SequenceGenerator(
      name = "mailbox_alias_seq",
      sequenceName = "mailbox_alias_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "mailbox_id")
  private Mailbox mailbox;

  @Column(nullable = false, unique = true, length = 320)
  private String address;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected MailboxAlias() {}

  public MailboxAlias(Mailbox mailbox, String address, Instant now) {
    this.mailbox = mailbox;
    this.address = address;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Mailbox getMailbox() {
    return mailbox;
  }

  public String getAddress() {
    return address;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
