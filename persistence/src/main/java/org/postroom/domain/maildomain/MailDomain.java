package org.postroom.domain.maildomain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;

/**
 * A mail domain Postroom serves (e.g. {@code univ-b.be}), with the policies that govern its
 * addresses.
 */
@Entity
@Table(name = "mail_domain")
public class MailDomain implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The languages Postroom's pages and mails are written in. */
  public static final List<String> LANGUAGES = List.of("en", "nl", "de", "nb");

  public static final int NAME_MAX = 253;

  /** One DNS label (RFC 1035, with RFC 1123's leading digits); IDNs in their xn-- form. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

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

  @Enumerated(EnumType.STRING)
  @Column(name = "mail_passwords", nullable = false, length = 16)
  private MailPasswords mailPasswords = MailPasswords.POSTROOM;

  @Embedded private SharedMailboxPolicy sharedMailboxPolicy;

  @Embedded private MailboxPolicy mailboxPolicy;

  /** Where this domain's people may order a lifelong alumni address, if anywhere (University D). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "alumni_domain_id")
  private MailDomain alumniDomain;

  protected MailDomain() {}

  public MailDomain(String name, String defaultLanguage, SharedMailboxPolicy sharedMailboxPolicy) {
    this(name, defaultLanguage, MailboxPolicy.standard(), sharedMailboxPolicy);
  }

  public MailDomain(
      String name,
      String defaultLanguage,
      MailboxPolicy mailboxPolicy,
      SharedMailboxPolicy sharedMailboxPolicy) {
    List<Violation> found = checkName(name);
    found.addAll(checkLanguage(defaultLanguage));
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    this.name = normalizeName(name);
    this.defaultLanguage = defaultLanguage;
    this.mailboxPolicy = mailboxPolicy;
    this.sharedMailboxPolicy = sharedMailboxPolicy;
  }

  /** Domain names are case-insensitive: kept in lower case, without surrounding blanks. */
  public static String normalizeName(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  /** A host name of two labels or more, e.g. {@code alumni.univ-d.no}. */
  public static List<Violation> checkName(String raw) {
    String name = normalizeName(raw);
    List<Violation> found = new ArrayList<>();
    if (name.isEmpty()) {
      found.add(Violation.of("name", "domain.name.required"));
      return found;
    }
    String[] labels = name.split("\\.", -1);
    boolean wellFormed =
        name.length() <= NAME_MAX
            && labels.length >= 2
            && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    for (String label : labels) {
      wellFormed &= LABEL.matcher(label).matches();
    }
    if (!wellFormed) {
      found.add(Violation.of("name", "domain.name.invalid"));
    }
    return found;
  }

  private static List<Violation> checkLanguage(String language) {
    return LANGUAGES.contains(language)
        ? new ArrayList<>()
        : new ArrayList<>(List.of(Violation.of("defaultLanguage", "policy.required")));
  }

  /** Replaces the domain's language and policies (each already checked when it was made). */
  public void changeSettings(
      String defaultLanguage, MailboxPolicy mailboxPolicy, SharedMailboxPolicy sharedPolicy) {
    List<Violation> found = checkLanguage(defaultLanguage);
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    this.defaultLanguage = defaultLanguage;
    this.mailboxPolicy = mailboxPolicy;
    this.sharedMailboxPolicy = sharedPolicy;
  }

  /** Where the mail server checks this domain's passwords from now on. */
  public void takeMailPasswordsFrom(MailPasswords source) {
    this.mailPasswords = source == null ? MailPasswords.POSTROOM : source;
  }

  public MailPasswords getMailPasswords() {
    return mailPasswords;
  }

  /** Lets this domain's people order alumni addresses in another domain ({@code null}: none). */
  public void offerAlumniAddressesIn(MailDomain alumni) {
    if (alumni != null && (alumni.equals(this) || alumni.alumniDomain != null)) {
      throw new RuleViolationException(Violation.of("alumniDomain", "domain.alumni.invalid"));
    }
    this.alumniDomain = alumni;
  }

  public MailDomain getAlumniDomain() {
    return alumniDomain;
  }

  public long getVersion() {
    return version;
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
