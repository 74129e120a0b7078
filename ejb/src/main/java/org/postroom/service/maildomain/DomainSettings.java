package org.postroom.service.maildomain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailPasswords;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/**
 * A domain's settings as an administrator edits them (in the admin page and as JSON in the REST
 * API): sizes in MB, every value boxed so that an empty field reaches the rules as "missing". The
 * rules themselves live in the domain's policies; {@link #mailboxPolicy()} and {@link
 * #sharedPolicy()} make them, and report every broken rule at the field of the same name.
 */
public class DomainSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Settings that may be empty. */
  private static final java.util.Set<String> OPTIONAL =
      java.util.Set.of("name", "version", "alumniDomain", "mailPasswords");

  private String name;
  private Long version;
  private String defaultLanguage;
  private String alumniDomain;
  private MailPasswords mailPasswords;

  private AddressScheme addressScheme;
  private Integer localPartMaxLength;
  private Long quotaStudentMb;
  private Long quotaStaffMb;
  private Long quotaExternalMb;
  private Long quotaAlumniMb;
  private Integer quotaWarningPercent;
  private ForwardPolicy forwardPolicy;
  private Long maxMessageSizeMb;
  private Boolean trashKeepsDeleted;
  private SettingsManager settingsManagedBy;
  private Integer leavingGraceDays;
  private Integer closedRetentionDays;
  private Integer passwordMinLength;

  private Boolean sharedRequestsEnabled;
  private Integer sharedLocalPartMaxLength;
  private Integer sharedLocalPartMaxDots;
  private Integer sharedMinMembers;
  private Integer sharedMaxMembers;
  private Boolean sharedStaffRequiredWithStudents;
  private Long sharedQuotaMb;
  private Boolean sharedForwardAllowed;

  public DomainSettings() {}

  /** The settings of a domain as they are now. */
  public static DomainSettings of(MailDomain domain) {
    DomainSettings s = new DomainSettings();
    MailboxPolicy p = domain.getMailboxPolicy();
    SharedMailboxPolicy sp = domain.getSharedMailboxPolicy();
    s.name = domain.getName();
    s.version = domain.getVersion();
    s.defaultLanguage = domain.getDefaultLanguage();
    s.alumniDomain = domain.getAlumniDomain() == null ? null : domain.getAlumniDomain().getName();
    s.mailPasswords = domain.getMailPasswords();
    s.addressScheme = p.getAddressScheme();
    s.localPartMaxLength = p.getLocalPartMaxLength();
    s.quotaStudentMb = p.getStudentQuotaBytes() / MailboxPolicy.MB;
    s.quotaStaffMb = p.getStaffQuotaBytes() / MailboxPolicy.MB;
    s.quotaExternalMb = p.getExternalQuotaBytes() / MailboxPolicy.MB;
    s.quotaAlumniMb = p.getAlumniQuotaBytes() / MailboxPolicy.MB;
    s.quotaWarningPercent = p.getQuotaWarningPercent();
    s.forwardPolicy = p.getForwardPolicy();
    s.maxMessageSizeMb = p.getMaxMessageBytes() / MailboxPolicy.MB;
    s.trashKeepsDeleted = p.isTrashKeepsDeleted();
    s.settingsManagedBy = p.getSettingsManagedBy();
    s.leavingGraceDays = p.getLeavingGraceDays();
    s.closedRetentionDays = p.getClosedRetentionDays();
    s.passwordMinLength = p.getPasswordMinLength();
    s.sharedRequestsEnabled = sp.isRequestsEnabled();
    s.sharedLocalPartMaxLength = sp.getLocalPartMaxLength();
    s.sharedLocalPartMaxDots = sp.getLocalPartMaxDots();
    s.sharedMinMembers = sp.getMinMembers();
    s.sharedMaxMembers = sp.getMaxMembers();
    s.sharedStaffRequiredWithStudents = sp.isStaffRequiredWithStudents();
    s.sharedQuotaMb = sp.getQuotaBytes() / MailboxPolicy.MB;
    s.sharedForwardAllowed = sp.isForwardAllowed();
    return s;
  }

  /** A new domain's starting point: the neutral policy, shared-mailbox requests closed. */
  public static DomainSettings defaults() {
    DomainSettings s =
        of(
            new MailDomain(
                "new.example",
                "en",
                MailboxPolicy.standard(),
                new SharedMailboxPolicy(
                    false, 16, 1, 1, 5, true, 5_000 * MailboxPolicy.MB, false)));
    s.name = null;
    s.version = null;
    return s;
  }

  /**
   * Both policies from these values. Every missing or out-of-range value of either policy is
   * reported at once: a missing value as missing, the others checked by the policies as if the
   * missing ones had their default.
   */
  public Policies policies() {
    List<Violation> found = new ArrayList<>();
    requireAll(found);
    DomainSettings d = defaults();
    MailboxPolicy mailboxPolicy = null;
    SharedMailboxPolicy sharedPolicy = null;
    try {
      mailboxPolicy =
          new MailboxPolicy(
              or(addressScheme, d.addressScheme),
              or(localPartMaxLength, d.localPartMaxLength),
              bytes(or(quotaStudentMb, d.quotaStudentMb)),
              bytes(or(quotaStaffMb, d.quotaStaffMb)),
              bytes(or(quotaExternalMb, d.quotaExternalMb)),
              bytes(or(quotaAlumniMb, d.quotaAlumniMb)),
              or(quotaWarningPercent, d.quotaWarningPercent),
              or(forwardPolicy, d.forwardPolicy),
              bytes(or(maxMessageSizeMb, d.maxMessageSizeMb)),
              or(trashKeepsDeleted, d.trashKeepsDeleted),
              or(settingsManagedBy, d.settingsManagedBy),
              or(leavingGraceDays, d.leavingGraceDays),
              or(closedRetentionDays, d.closedRetentionDays),
              or(passwordMinLength, d.passwordMinLength));
    } catch (RuleViolationException refused) {
      found.addAll(refused.violations());
    }
    try {
      sharedPolicy =
          new SharedMailboxPolicy(
              or(sharedRequestsEnabled, d.sharedRequestsEnabled),
              or(sharedLocalPartMaxLength, d.sharedLocalPartMaxLength),
              or(sharedLocalPartMaxDots, d.sharedLocalPartMaxDots),
              or(sharedMinMembers, d.sharedMinMembers),
              or(sharedMaxMembers, Math.max(d.sharedMaxMembers, or(sharedMinMembers, 1))),
              or(sharedStaffRequiredWithStudents, d.sharedStaffRequiredWithStudents),
              bytes(or(sharedQuotaMb, d.sharedQuotaMb)),
              or(sharedForwardAllowed, d.sharedForwardAllowed));
    } catch (RuleViolationException refused) {
      found.addAll(refused.violations());
    }
    if (defaultLanguage != null && !MailDomain.LANGUAGES.contains(defaultLanguage)) {
      found.add(Violation.of("defaultLanguage", "policy.required"));
    }
    if (!found.isEmpty()) {
      throw new RuleViolationException(found);
    }
    return new Policies(mailboxPolicy, sharedPolicy);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** The two policies of a domain, both valid. */
  public record Policies(MailboxPolicy mailboxes, SharedMailboxPolicy sharedMailboxes) {}

  private void requireAll(List<Violation> found) {
    values()
        .forEach(
            (field, value) -> {
              if (value == null && !OPTIONAL.contains(field)) {
                found.add(Violation.of(field, "policy.required"));
              }
            });
  }

  /** A megabyte figure in bytes; figures beyond any range stay beyond it instead of overflowing. */
  private static long bytes(long megabytes) {
    return megabytes > Long.MAX_VALUE / MailboxPolicy.MB
        ? Long.MAX_VALUE
        : megabytes * MailboxPolicy.MB;
  }

  /** Every setting by its field name, in the order of the form. */
  public Map<String, Object> values() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("version", version);
    v.put("defaultLanguage", defaultLanguage);
    v.put("alumniDomain", alumniDomain);
    v.put("mailPasswords", mailPasswords);
    v.put("addressScheme", addressScheme);
    v.put("localPartMaxLength", localPartMaxLength);
    v.put("quotaStudentMb", quotaStudentMb);
    v.put("quotaStaffMb", quotaStaffMb);
    v.put("quotaExternalMb", quotaExternalMb);
    v.put("quotaAlumniMb", quotaAlumniMb);
    v.put("quotaWarningPercent", quotaWarningPercent);
    v.put("forwardPolicy", forwardPolicy);
    v.put("maxMessageSizeMb", maxMessageSizeMb);
    v.put("trashKeepsDeleted", trashKeepsDeleted);
    v.put("settingsManagedBy", settingsManagedBy);
    v.put("leavingGraceDays", leavingGraceDays);
    v.put("closedRetentionDays", closedRetentionDays);
    v.put("passwordMinLength", passwordMinLength);
    v.put("sharedRequestsEnabled", sharedRequestsEnabled);
    v.put("sharedLocalPartMaxLength", sharedLocalPartMaxLength);
    v.put("sharedLocalPartMaxDots", sharedLocalPartMaxDots);
    v.put("sharedMinMembers", sharedMinMembers);
    v.put("sharedMaxMembers", sharedMaxMembers);
    v.put("sharedStaffRequiredWithStudents", sharedStaffRequiredWithStudents);
    v.put("sharedQuotaMb", sharedQuotaMb);
    v.put("sharedForwardAllowed", sharedForwardAllowed);
    return v;
  }

  /** Every setting as {@code field: value}, for the audit entry of a new domain. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    values()
        .forEach(
            (field, value) -> {
              if (!field.equals("version")) {
                text.append(text.isEmpty() ? "" : "; ").append(field).append(": ").append(value);
              }
            });
    return text.toString();
  }

  /**
   * What differs from the earlier settings, as {@code field: old → new} lines for the audit log;
   * empty when nothing changed.
   */
  public String changesSince(DomainSettings earlier) {
    Map<String, Object> before = earlier.values();
    StringBuilder changes = new StringBuilder();
    values()
        .forEach(
            (field, now) -> {
              Object then = before.get(field);
              if (!field.equals("version") && !Objects.equals(then, now)) {
                if (!changes.isEmpty()) {
                  changes.append("; ");
                }
                changes.append(field).append(": ").append(then).append(" → ").append(now);
              }
            });
    return changes.toString();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getDefaultLanguage() {
    return defaultLanguage;
  }

  public void setDefaultLanguage(String defaultLanguage) {
    this.defaultLanguage = defaultLanguage;
  }

  /** The domain whose alumni addresses this domain's people may order; empty for none. */
  public String getAlumniDomain() {
    return alumniDomain;
  }

  public MailPasswords getMailPasswords() {
    return mailPasswords;
  }

  public void setMailPasswords(MailPasswords mailPasswords) {
    this.mailPasswords = mailPasswords;
  }

  public void setAlumniDomain(String alumniDomain) {
    this.alumniDomain =
        alumniDomain == null || alumniDomain.isBlank()
            ? null
            : MailDomain.normalizeName(alumniDomain);
  }

  public AddressScheme getAddressScheme() {
    return addressScheme;
  }

  public void setAddressScheme(AddressScheme addressScheme) {
    this.addressScheme = addressScheme;
  }

  public Integer getLocalPartMaxLength() {
    return localPartMaxLength;
  }

  public void setLocalPartMaxLength(Integer localPartMaxLength) {
    this.localPartMaxLength = localPartMaxLength;
  }

  public Long getQuotaStudentMb() {
    return quotaStudentMb;
  }

  public void setQuotaStudentMb(Long quotaStudentMb) {
    this.quotaStudentMb = quotaStudentMb;
  }

  public Long getQuotaStaffMb() {
    return quotaStaffMb;
  }

  public void setQuotaStaffMb(Long quotaStaffMb) {
    this.quotaStaffMb = quotaStaffMb;
  }

  public Long getQuotaExternalMb() {
    return quotaExternalMb;
  }

  public void setQuotaExternalMb(Long quotaExternalMb) {
    this.quotaExternalMb = quotaExternalMb;
  }

  public Long getQuotaAlumniMb() {
    return quotaAlumniMb;
  }

  public void setQuotaAlumniMb(Long quotaAlumniMb) {
    this.quotaAlumniMb = quotaAlumniMb;
  }

  public Integer getQuotaWarningPercent() {
    return quotaWarningPercent;
  }

  public void setQuotaWarningPercent(Integer quotaWarningPercent) {
    this.quotaWarningPercent = quotaWarningPercent;
  }

  public ForwardPolicy getForwardPolicy() {
    return forwardPolicy;
  }

  public void setForwardPolicy(ForwardPolicy forwardPolicy) {
    this.forwardPolicy = forwardPolicy;
  }

  public Long getMaxMessageSizeMb() {
    return maxMessageSizeMb;
  }

  public void setMaxMessageSizeMb(Long maxMessageSizeMb) {
    this.maxMessageSizeMb = maxMessageSizeMb;
  }

  public Boolean getTrashKeepsDeleted() {
    return trashKeepsDeleted;
  }

  public void setTrashKeepsDeleted(Boolean trashKeepsDeleted) {
    this.trashKeepsDeleted = trashKeepsDeleted;
  }

  public SettingsManager getSettingsManagedBy() {
    return settingsManagedBy;
  }

  public void setSettingsManagedBy(SettingsManager settingsManagedBy) {
    this.settingsManagedBy = settingsManagedBy;
  }

  public Integer getLeavingGraceDays() {
    return leavingGraceDays;
  }

  public void setLeavingGraceDays(Integer leavingGraceDays) {
    this.leavingGraceDays = leavingGraceDays;
  }

  public Integer getClosedRetentionDays() {
    return closedRetentionDays;
  }

  public void setClosedRetentionDays(Integer closedRetentionDays) {
    this.closedRetentionDays = closedRetentionDays;
  }

  public Integer getPasswordMinLength() {
    return passwordMinLength;
  }

  public void setPasswordMinLength(Integer passwordMinLength) {
    this.passwordMinLength = passwordMinLength;
  }

  public Boolean getSharedRequestsEnabled() {
    return sharedRequestsEnabled;
  }

  public void setSharedRequestsEnabled(Boolean sharedRequestsEnabled) {
    this.sharedRequestsEnabled = sharedRequestsEnabled;
  }

  public Integer getSharedLocalPartMaxLength() {
    return sharedLocalPartMaxLength;
  }

  public void setSharedLocalPartMaxLength(Integer sharedLocalPartMaxLength) {
    this.sharedLocalPartMaxLength = sharedLocalPartMaxLength;
  }

  public Integer getSharedLocalPartMaxDots() {
    return sharedLocalPartMaxDots;
  }

  public void setSharedLocalPartMaxDots(Integer sharedLocalPartMaxDots) {
    this.sharedLocalPartMaxDots = sharedLocalPartMaxDots;
  }

  public Integer getSharedMinMembers() {
    return sharedMinMembers;
  }

  public void setSharedMinMembers(Integer sharedMinMembers) {
    this.sharedMinMembers = sharedMinMembers;
  }

  public Integer getSharedMaxMembers() {
    return sharedMaxMembers;
  }

  public void setSharedMaxMembers(Integer sharedMaxMembers) {
    this.sharedMaxMembers = sharedMaxMembers;
  }

  public Boolean getSharedStaffRequiredWithStudents() {
    return sharedStaffRequiredWithStudents;
  }

  public void setSharedStaffRequiredWithStudents(Boolean sharedStaffRequiredWithStudents) {
    this.sharedStaffRequiredWithStudents = sharedStaffRequiredWithStudents;
  }

  public Long getSharedQuotaMb() {
    return sharedQuotaMb;
  }

  public void setSharedQuotaMb(Long sharedQuotaMb) {
    this.sharedQuotaMb = sharedQuotaMb;
  }

  public Boolean getSharedForwardAllowed() {
    return sharedForwardAllowed;
  }

  public void setSharedForwardAllowed(Boolean sharedForwardAllowed) {
    this.sharedForwardAllowed = sharedForwardAllowed;
  }
}
