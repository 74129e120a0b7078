package org.postroom.domain.audit;

import org.postroom.domain.account.AccountState;
import org.postroom.domain.directory.ImportState;

/**
 * What an audit entry records. The constant's name is what {@code audit_entry.action} holds and
 * what the history pages translate ({@code audit.<name>} in every language), so that an action
 * written under one name is never looked up under another.
 */
public enum AuditAction {
  // accounts and their people
  ADMIN_BOOTSTRAPPED,
  ROLE_GRANTED,
  ROLE_REVOKED,
  ADDRESS_CHOSEN,
  PASSWORD_CHANGED,
  RESET_LINK_SENT,
  PASSWORD_RESET,
  NOT_MAILED,
  NOTIFICATION_RETRIED,
  API_TOKEN_CREATED,
  API_TOKEN_REVOKED,
  // the registry and its imports
  IMPORTED,
  UPDATED,
  CLOSED,
  IMPORT_STARTED,
  IMPORT_PAUSED,
  IMPORT_RESUMED,
  IMPORT_ABANDONED,
  IMPORT_COMPLETED,
  IMPORT_STOPPED,
  IMPORT_FAILED,
  // leaving and alumni
  LIFECYCLE_ACTIVE,
  LIFECYCLE_SUSPENDED,
  LIFECYCLE_LEAVING,
  LIFECYCLE_ALUMNI,
  LIFECYCLE_CLOSED,
  DELETION_QUEUED,
  ALUMNI_ORDERED,
  // a mailbox's settings
  FORWARD_SET,
  FORWARD_CLEARED,
  FORWARD_REMOVED,
  VACATION_SET,
  VACATION_CLEARED,
  FILTER_ADDED,
  FILTER_CHANGED,
  FILTER_ENABLED,
  FILTER_DISABLED,
  FILTER_MOVED,
  FILTER_REMOVED,
  FILTERS_REPLACED,
  SETTINGS_EXPORTED,
  SETTINGS_RESTORED,
  TRASH_SET,
  QUOTA_CHANGED,
  MAILBOX_SERVER_SET,
  // addresses, lists and shared mailboxes
  ALIAS_ADDED,
  ALIAS_REMOVED,
  LIST_CREATED,
  LIST_MEMBER_ADDED,
  LIST_MEMBER_REMOVED,
  LIST_CHANGED,
  LIST_CLOSED,
  LIST_REMOVED,
  MEMBER_ADDED,
  MEMBER_REMOVED,
  // shared-mailbox requests
  SUBMITTED,
  APPROVED,
  REJECTED,
  CANCELLED,
  PROVISIONED,
  // domains and their mail-client settings
  DOMAIN_CREATED,
  DOMAIN_CHANGED,
  CLIENT_SETTINGS_SET,
  CLIENT_SERVER_REMOVED,
  // the mail server: outbox and reconcile
  RETRIED,
  ABANDONED,
  RECONCILE_STARTED,
  RECONCILE_FINISHED,
  RECONCILE_STOPPED,
  // disaster recovery of Postroom's own state
  STATE_EXPORTED,
  STATE_IMPORTED,
  // service notices
  NOTICE_PUBLISHED,
  NOTICE_ENDED,
  // frozen features
  FEATURE_FROZEN,
  FEATURE_UNFROZEN,
  HELP_TEXTS_SAVED,
  NOTICE_MAILED;

  /** What the nightly lifecycle did when it moved an account into {@code state}. */
  public static AuditAction lifecycle(AccountState state) {
    return switch (state) {
      case ACTIVE -> LIFECYCLE_ACTIVE;
      case SUSPENDED -> LIFECYCLE_SUSPENDED;
      case LEAVING -> LIFECYCLE_LEAVING;
      case ALUMNI -> LIFECYCLE_ALUMNI;
      case CLOSED -> LIFECYCLE_CLOSED;
    };
  }

  /** How an import ended, once it is in {@code state}. */
  public static AuditAction importEnded(ImportState state) {
    return switch (state) {
      case COMPLETED -> IMPORT_COMPLETED;
      case STOPPED -> IMPORT_STOPPED;
      case FAILED -> IMPORT_FAILED;
      default -> throw new IllegalArgumentException("an import does not end " + state);
    };
  }
}
