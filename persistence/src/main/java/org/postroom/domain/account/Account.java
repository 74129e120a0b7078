package org.postroom.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.postroom.domain.directory.Person;
import org.postroom.domain.maildomain.MailDomain;

/**
 * A login of Postroom: who someone is, which roles they have, and (where Postroom owns it) their
 * password.
 */
@Entity
@Table(name = "account")
public class Account implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  /** The name folded for searching ({@link FoldedName}), kept with every change of the name. */
  @Column(name = "search_name", nullable = false, length = 400)
  private String searchName;

  /** Where Postroom mails the person; none while they have yet to choose their address. */
  @Column(name = "contact_address", length = 320)
  private String contactAddress;

  @Enumerated(EnumType.STRING)
  @Column(name = "account_type", nullable = false, length = 16)
  private AccountType type;

  @Column(name = "password_hash", length = 255)
  private String passwordHash;

  /** Wrong current passwords in a row when changing the password; see {@link #passwordRefused}. */
  @Column(name = "password_failures", nullable = false)
  private int passwordFailures;

  @Column(name = "password_blocked_until")
  private Instant passwordBlockedUntil;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  private Person person;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "domain_id")
  private MailDomain domain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AccountState state = AccountState.ACTIVE;

  /** The day the account started leaving: its grace period runs from here. */
  @Column(name = "leaving_since")
  private LocalDate leavingSince;

  /**
   * The day the account closed (or became alumni-only): the home mailbox's retention runs from
   * here.
   */
  @Column(name = "closed_on")
  private LocalDate closedOn;

  /** An address outside the institution, for password resets (alumni). */
  @Column(name = "recovery_address", length = 320)
  private String recoveryAddress;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", nullable = false, length = 16)
  private Set<String> roles = new TreeSet<>();

  /** The domains a domain administrator manages, named when the role was granted. */
  @ManyToMany
  @JoinTable(
      name = "account_admin_domain",
      joinColumns = @JoinColumn(name = "account_id"),
      inverseJoinColumns = @JoinColumn(name = "domain_id"))
  private Set<MailDomain> administeredDomains = new HashSet<>();

  protected Account() {}

  public Account(
      String username,
      String displayName,
      String contactAddress,
      AccountType type,
      String language,
      Collection<String> roles,
      Instant createdAt) {
    this.username = normalizeUsername(username);
    name(displayName);
    this.contactAddress = contactAddress;
    this.type = type;
    this.language = language;
    this.enabled = true;
    this.createdAt = createdAt;
    this.roles.addAll(roles);
  }

  /**
   * The account of a registry person in their home domain: roles follow the affiliation (staff may
   * request shared mailboxes), the contact address is the person's own mailbox.
   */
  public static Account forPerson(
      Person person,
      String username,
      MailDomain domain,
      AccountType type,
      String contactAddress,
      Instant now) {
    Account account =
        new Account(
            username,
            person.getName().displayName(),
            contactAddress,
            type,
            domain.getDefaultLanguage(),
            rolesFor(type),
            now);
    account.person = person;
    account.domain = domain;
    return account;
  }

  private void name(String newName) {
    displayName = newName;
    searchName = newName == null ? null : FoldedName.fold(newName);
  }

  /** Follows the registry: name and kind of account; returns whether anything changed. */
  public boolean follow(Person registryPerson, AccountType newType) {
    String newName = registryPerson.getName().displayName();
    if (newName.equals(displayName) && newType == type) {
      return false;
    }
    name(newName);
    if (newType != type) {
      type = newType;
      roles.remove(Roles.STAFF);
      roles.addAll(rolesFor(newType));
    }
    return true;
  }

  /**
   * The registry ended every affiliation: the account is leaving, its grace period running from
   * today (the day Postroom learns it, so that everyone gets the whole notice).
   */
  public boolean leave(LocalDate today) {
    if (state != AccountState.ACTIVE) {
      return false;
    }
    state = AccountState.LEAVING;
    leavingSince = today;
    dropGrantedRoles();
    return true;
  }

  /** Takes away the roles an administrator granted (helpdesk, domain-admin, admin). */
  private void dropGrantedRoles() {
    roles.removeAll(Roles.GRANTED);
    administeredDomains.clear();
  }

  /**
   * Moves the account on in its life on a day: an account of the registry whose person has no
   * running affiliation starts leaving; after the domain's grace period it closes, or stays as an
   * alumnus when it holds an alumni address; one whose person is affiliated again is active again.
   * Accounts not of the registry, suspended and closed ones do not move. Returns the new state.
   */
  public Optional<AccountState> advance(LocalDate today, int graceDays, boolean hasAlumniAddress) {
    if (person == null) {
      return Optional.empty();
    }
    boolean affiliated = person.isAffiliatedOn(today);
    AccountState before = state;
    switch (state) {
      case ACTIVE -> {
        if (!affiliated) {
          leave(today);
        }
      }
      case LEAVING -> {
        if (affiliated) {
          state = AccountState.ACTIVE;
          leavingSince = null;
        } else if (!today.isBefore(leavingSince.plusDays(graceDays))) {
          state = hasAlumniAddress ? AccountState.ALUMNI : AccountState.CLOSED;
          closedOn = today;
          dropGrantedRoles();
        }
      }
      case ALUMNI -> {
        if (affiliated) {
          state = AccountState.ACTIVE;
          leavingSince = null;
          closedOn = null;
        }
      }
      default -> {
        // SUSPENDED is the helpdesk's to lift; a CLOSED account may have lost its mailbox already.
      }
    }
    return state == before ? Optional.empty() : Optional.of(state);
  }

  /** The home mailbox's retention after closing has passed. */
  public boolean retentionOver(LocalDate today, int retentionDays) {
    return closedOn != null
        && (state == AccountState.CLOSED || state == AccountState.ALUMNI)
        && !today.isBefore(closedOn.plusDays(retentionDays));
  }

  /** The last day the account works, while it is leaving. */
  public Optional<LocalDate> closesOn(int graceDays) {
    return state == AccountState.LEAVING && leavingSince != null
        ? Optional.of(leavingSince.plusDays(graceDays))
        : Optional.empty();
  }

  /** Alumni log in with a password of Postroom's, and are reached at their recovery address. */
  public void becomeAlumnus(String recoveryAddress, String passwordHash) {
    this.recoveryAddress = recoveryAddress;
    changePasswordHash(passwordHash);
  }

  /** Whether the account may log in to the portal at all. */
  public boolean canLogIn() {
    return enabled && state != AccountState.CLOSED && state != AccountState.SUSPENDED;
  }

  private static java.util.List<String> rolesFor(AccountType type) {
    return type == AccountType.STAFF
        ? java.util.List.of(Roles.USER, Roles.STAFF)
        : java.util.List.of(Roles.USER);
  }

  /** Usernames are case-insensitive: they are kept and looked up in lower case. */
  public static String normalizeUsername(String username) {
    return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
  }

  public void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
    this.passwordFailures = 0;
    this.passwordBlockedUntil = null;
    this.passwordChangedAt = Instant.now();
  }

  /**
   * Whether a session that logged in at {@code signedInAt} still stands: not once the password has
   * changed since (the change ends the account's other sessions).
   */
  public boolean sessionStands(Instant signedInAt) {
    return canLogIn() && (passwordChangedAt == null || !passwordChangedAt.isAfter(signedInAt));
  }

  /** Wrong current passwords allowed in a row before changing is blocked for a while. */
  public static final int PASSWORD_FAILURES_MAX = 5;

  public static final Duration PASSWORD_BLOCK = Duration.ofMinutes(15);

  /**
   * A wrong current password when changing it: after {@value #PASSWORD_FAILURES_MAX} in a row,
   * changing is blocked for {@link #PASSWORD_BLOCK}. Answers the end of the block, if any.
   */
  public Instant passwordRefused(Instant now) {
    passwordFailures++;
    if (passwordFailures >= PASSWORD_FAILURES_MAX) {
      passwordFailures = 0;
      passwordBlockedUntil = now.plus(PASSWORD_BLOCK);
    }
    return passwordBlockedUntil;
  }

  /** Whether changing the password is blocked now (too many wrong current passwords). */
  public boolean passwordBlocked(Instant now) {
    return passwordBlockedUntil != null && now.isBefore(passwordBlockedUntil);
  }

  public Instant getPasswordBlockedUntil() {
    return passwordBlockedUntil;
  }

  /** Gives the account a further role (e.g. a member organisation's webmaster: domain-admin). */
  public void grant(String role) {
    if (!Roles.ALL.contains(role) || Roles.DOMAIN_ADMIN.equals(role)) {
      throw new IllegalArgumentException(
          Roles.DOMAIN_ADMIN.equals(role)
              ? "domain-admin: use administer"
              : "unknown role " + role);
    }
    roles.add(role);
  }

  /**
   * Makes the account the domain administrator of exactly these domains (at least one), replacing
   * the ones it managed.
   */
  public void administer(Collection<MailDomain> domains) {
    if (domains.isEmpty()) {
      throw new IllegalArgumentException("a domain administrator manages at least one domain");
    }
    administeredDomains.clear();
    administeredDomains.addAll(domains);
    roles.add(Roles.DOMAIN_ADMIN);
  }

  /** The domains the account manages as domain administrator; empty without the role. */
  public Set<MailDomain> getAdministeredDomains() {
    return java.util.Collections.unmodifiableSet(administeredDomains);
  }

  /** Whether the account holds the role. */
  public boolean holds(String role) {
    return roles.contains(role);
  }

  /** Takes a granted role away; returns whether the account held it. */
  public boolean revoke(String role) {
    if (!Roles.GRANTED.contains(role)) {
      throw new IllegalArgumentException("not a granted role: " + role);
    }
    if (Roles.DOMAIN_ADMIN.equals(role)) {
      administeredDomains.clear();
    }
    return roles.remove(role);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public LocalDate getLeavingSince() {
    return leavingSince;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public String getRecoveryAddress() {
    return recoveryAddress;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getSearchName() {
    return searchName;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getContactAddress() {
    return contactAddress;
  }

  /** Whether Postroom has an address to mail the person at. */
  public boolean hasContactAddress() {
    return contactAddress != null;
  }

  /**
   * The name of the institution's domain the person belongs to: their account's domain (registry
   * accounts), else the domain of their contact address (accounts made in Postroom); null for
   * neither. Requests and shared-mailbox members stay within it.
   */
  public String homeDomainName() {
    if (domain != null) {
      return domain.getName();
    }
    if (contactAddress == null || contactAddress.indexOf('@') < 0) {
      return null;
    }
    return contactAddress.substring(contactAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the person belongs to {@code mailDomain}'s institution (see {@link #homeDomainName}).
   */
  public boolean belongsTo(MailDomain mailDomain) {
    return mailDomain != null && mailDomain.getName().equals(homeDomainName());
  }

  /**
   * The person's own mailbox has been made at {@code address}: it becomes the contact address when
   * they had none.
   */
  public void receiveMailAt(String address) {
    if (contactAddress == null) {
      contactAddress = address;
    }
  }

  public AccountType getType() {
    return type;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getLanguage() {
    return language;
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(language);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public AccountState getState() {
    return state;
  }

  public Person getPerson() {
    return person;
  }

  public MailDomain getDomain() {
    return domain;
  }

  public Set<String> getRoles() {
    return Set.copyOf(roles);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Account that && username != null && username.equals(that.username);
  }

  @Override
  public int hashCode() {
    return username == null ? 0 : username.hashCode();
  }

  @Override
  public String toString() {
    return username;
  }
}
