package org.postroom.domain.audit;

/**
 * What an audit entry is about. The stored name is the one history pages look entries up by, so an
 * entry written under one name and read under another is never shown: one type, one name.
 */
public enum AuditSubject {
  ACCOUNT("Account"),
  API_TOKEN("ApiToken"),
  DISTRIBUTION_LIST("DistributionList"),
  FEATURE_FREEZE("FeatureFreeze"),
  MAILBOX("Mailbox"),
  MAIL_DOMAIN("MailDomain"),
  PERSON("Person"),
  PROVISIONING_CHANGE("ProvisioningChange"),
  QUEUED_MAIL("QueuedMail"),
  RECONCILE_RUN("ReconcileRun"),
  REGISTRY_IMPORT("RegistryImport"),
  SERVICE_NOTICE("ServiceNotice"),
  SHARED_MAILBOX_REQUEST("SharedMailboxRequest"),
  /** Postroom's whole state (its export and import; subject id 0). */
  STATE("State");

  private final String stored;

  AuditSubject(String stored) {
    this.stored = stored;
  }

  /** The name in {@code audit_entry.subject_type}. */
  public String stored() {
    return stored;
  }
}
