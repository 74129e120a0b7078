package org.postroom.service.mailsystem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.postroom.domain.provisioning.ProvisioningChange;

/**
 * Chooses the mail system: the configured Dovecot, else the embedded default without one; and,
 * where mailboxes live on several servers (provider E), the one of a provisioning key.
 */
@ApplicationScoped
public class MailSystems {

  @Inject DovecotMailSystem dovecot;
  @Inject UnconfiguredMailSystem none;
  @Inject DoveadmClient doveadm;

  @Produces
  MailSystem current() {
    return dovecot.configured() ? dovecot : none;
  }

  /** Whether the default server is configured: without it, nothing is provisioned. */
  public boolean configured() {
    return dovecot.configured();
  }

  /**
   * The mail server of a provisioning key ({@code default} or null: the default one), with its
   * settings as the environment has them now; one without settings refuses every change as
   * unavailable (it waits in the outbox) and says which settings are missing.
   */
  public MailSystem of(String key) {
    if (key == null || key.equals(ProvisioningChange.DEFAULT_SERVER)) {
      return current();
    }
    DovecotSettings settings = DovecotSettings.of(key);
    return settings.configured()
        ? new DovecotMailSystem(settings, doveadm)
        : new UnconfiguredMailSystem(settings.environmentPrefix() + "IMAP_HOST");
  }

  /** The settings of a provisioning key, for the administrators' page and the quota scan. */
  public DovecotSettings settings(String key) {
    return key == null || key.equals(ProvisioningChange.DEFAULT_SERVER)
        ? dovecot.settings()
        : DovecotSettings.of(key);
  }
}
