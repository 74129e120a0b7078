package org.postroom.demo;

import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.maildomain.SharedMailboxPolicy;

/**
 * The reference institutions' rules as Postroom expresses them: what the demo's domains are set up
 * with, and what an administrator of such an institution would enter on the domain page. Customer
 * settings, not product defaults: they live here, beside the demo data, and never in the production
 * EAR.
 */
public final class ReferencePolicies {

  static final long MB = MailboxPolicy.MB;

  private ReferencePolicies() {}

  /**
   * University A: generated addresses of at most 20 characters, 300 MB, warn at 90 %, forwards
   * allowed, passwords of at least 10 characters.
   */
  public static MailboxPolicy universityA() {
    return new MailboxPolicy(
        AddressScheme.GENERATED_FROM_NAME,
        20,
        300 * MB,
        300 * MB,
        300 * MB,
        300 * MB,
        90,
        ForwardPolicy.ANY,
        25 * MB,
        true,
        SettingsManager.USER,
        30,
        90,
        10);
  }

  /**
   * University B's shared mailboxes: 16 characters, one dot, 1 to 5 members, staff needed beside
   * students, 5 GB, no forward.
   */
  public static SharedMailboxPolicy universityB() {
    return new SharedMailboxPolicy(true, 16, 1, 1, 5, true, 5000 * MB, false);
  }

  /** University D's alumni: username@alumni…, 2 GB, external forwards allowed. */
  public static MailboxPolicy universityDAlumni() {
    return new MailboxPolicy(
        AddressScheme.USERNAME,
        32,
        2000 * MB,
        2000 * MB,
        2000 * MB,
        2000 * MB,
        90,
        ForwardPolicy.ANY,
        25 * MB,
        true,
        SettingsManager.USER,
        30,
        90,
        10);
  }

  /**
   * Hosting provider E: 1 GB, 12 MB messages, forwards and vacation set by the member's webmaster.
   */
  public static MailboxPolicy providerE() {
    return providerE(AddressScheme.USERNAME);
  }

  /**
   * A member organisation of hosting provider E whose people choose their own address once: the
   * provider's rules otherwise.
   */
  public static MailboxPolicy providerEMember() {
    return providerE(AddressScheme.CHOSEN_BY_OWNER);
  }

  private static MailboxPolicy providerE(AddressScheme addresses) {
    return new MailboxPolicy(
        addresses,
        32,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        1000 * MB,
        90,
        ForwardPolicy.ANY,
        12 * MB,
        true,
        SettingsManager.DOMAIN_ADMIN,
        30,
        90,
        8);
  }

  /** A domain that takes no shared-mailbox requests (University B's rules, switched off). */
  public static SharedMailboxPolicy noSharedMailboxRequests() {
    return new SharedMailboxPolicy(false, 16, 1, 1, 5, true, 5000 * MB, false);
  }
}
