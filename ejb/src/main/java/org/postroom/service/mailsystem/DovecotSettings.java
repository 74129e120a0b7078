package org.postroom.service.mailsystem;

import java.util.Locale;
import java.util.Optional;
import org.postroom.domain.provisioning.ProvisioningChange;
import org.postroom.service.common.Settings;

/**
 * Where and as whom Postroom provisions one Dovecot, from the environment. The default server's
 * settings are {@code POSTROOM_MAIL_IMAP_HOST}, {@code _IMAP_PORT} (143, or 993 with {@code ssl}),
 * {@code _SIEVE_HOST} (the IMAP host), {@code _SIEVE_PORT} (4190), {@code _TLS} ({@code starttls},
 * {@code ssl}, or {@code none} on a trusted loopback only), {@code _MASTER_USER}, {@code
 * _MASTER_PASSWORD}, {@code _DOVEADM_URL} and {@code _DOVEADM_API_KEY}; a mail server whose row
 * names the provisioning key {@code k} reads the same names under {@code POSTROOM_MAILSERVER_K_}
 * (e.g. {@code POSTROOM_MAILSERVER_MAIL2_IMAP_HOST}). The certificates are trusted as {@link
 * MailServerTrust} says, for every server alike.
 *
 * @param key the provisioning key, {@link ProvisioningChange#DEFAULT_SERVER} for the default one
 */
public record DovecotSettings(
    String key,
    Optional<String> imapHost,
    Optional<String> imapPort,
    Optional<String> sieveHost,
    Optional<String> sievePort,
    String tls,
    Optional<String> masterUser,
    Optional<String> masterPassword,
    Optional<String> doveadmUrl,
    Optional<String> doveadmKey) {

  /** The settings of the server with this provisioning key (null: the default one), read now. */
  public static DovecotSettings of(String key) {
    String name = key == null ? ProvisioningChange.DEFAULT_SERVER : key;
    String prefix =
        name.equals(ProvisioningChange.DEFAULT_SERVER)
            ? "postroom.mail."
            : "postroom.mailserver." + name + ".";
    return new DovecotSettings(
        name,
        Settings.get(prefix + "imap.host"),
        Settings.get(prefix + "imap.port"),
        Settings.get(prefix + "sieve.host"),
        Settings.get(prefix + "sieve.port"),
        Settings.get(prefix + "tls").orElse("starttls").toLowerCase(Locale.ROOT),
        Settings.get(prefix + "master.user"),
        Settings.get(prefix + "master.password"),
        Settings.get(prefix + "doveadm.url"),
        Settings.get(prefix + "doveadm.api.key"));
  }

  /** The name of the environment variables of this server's settings, up to the setting's own. */
  public String environmentPrefix() {
    return key.equals(ProvisioningChange.DEFAULT_SERVER)
        ? "POSTROOM_MAIL_"
        : "POSTROOM_MAILSERVER_" + key.toUpperCase(Locale.ROOT) + "_";
  }

  /** Whether Postroom can log in to it: an IMAP host and the master user's credentials. */
  public boolean configured() {
    return imapHost.isPresent() && masterUser.isPresent() && masterPassword.isPresent();
  }

  /** Whether its doveadm HTTP API is set (the quota scan, reconcile's batched reads). */
  public boolean doveadmConfigured() {
    return doveadmUrl.isPresent() && doveadmKey.isPresent();
  }

  boolean ssl() {
    return tls.equals("ssl");
  }

  int imapPortNumber() {
    return Integer.parseInt(imapPort.orElse(ssl() ? "993" : "143"));
  }

  String sieveHostName() {
    return sieveHost.orElseGet(imapHost::orElseThrow);
  }

  int sievePortNumber() {
    return Integer.parseInt(sievePort.orElse("4190"));
  }

  /** Where it is, for the administrators' page: no credentials. */
  public String describe() {
    return imapHost.map(h -> h + ":" + imapPortNumber() + " (IMAP), ").orElse("")
        + (imapHost.isPresent() ? sieveHostName() + ":" + sievePortNumber() + " (ManageSieve)" : "")
        + doveadmUrl.map(u -> ", " + u).orElse("");
  }

  @Override
  public String toString() {
    return "DovecotSettings[" + key + ": " + describe() + "]";
  }
}
