package org.postroom.domain.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.util.Locale;

/**
 * A mail domain Postroom serves (e.g. {@code univ-b.be}), with the policies that govern its
 * addresses.
 */
@Entity
@Table(name = "mail_domain")
public class MailDomain implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_domain_seq")
  @SequenceGenerator(
      name = "mail_domain_seq",
      sequenceName = "mail_domain_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 253)
  private String name;

  @Column(name = "default_language", nullable = false, length = 8)
  private String defaultLanguage;

  @Embedded private SharedMailboxPolicy sharedMailboxPolicy;

  @Embedded private MailboxPolicy mailboxPolicy;

  protected MailDomain() {}

  public MailDomain(String name, String defaultLanguage, SharedMailboxPolicy sharedMailboxPolicy) {
    this(name, defaultLanguage, MailboxPolicy.standard(), sharedMailboxPolicy);
  }

  public MailDomain(
      String name,
      String defaultLanguage,
      MailboxPolicy mailboxPolicy,
      SharedMailboxPolicy sharedMailboxPolicy) {
    this.name = name.strip().toLowerCase(Locale.ROOT);
    this.defaultLanguage = defaultLanguage;
    this.mailboxPolicy = mailboxPolicy;
    this.sharedMailboxPolicy = sharedMailboxPolicy;
  }

  /** The full address for a local part of this domain, in the canonical lower case. */
  public String addressOf(String localPart) {
    return SharedMailboxPolicy.normalizeLocalPart(localPart) + "@" + name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDefaultLanguage() {
    return defaultLanguage;
  }

  public MailboxPolicy getMailboxPolicy() {
    return mailboxPolicy;
  }

  public SharedMailboxPolicy getSharedMailboxPolicy() {
    return sharedMailboxPolicy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MailDomain that && name != null && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name == null ? 0 : name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
