package org.postroom.service.mailsystem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Optional;

/**
 * The embedded default: no Dovecot behind Postroom. Changes stay in the outbox until a mail server
 * is configured (the worker does not run without one), and the admin pages say so; anything that
 * asks this mail system directly is told that none is configured.
 */
@ApplicationScoped
@Typed(UnconfiguredMailSystem.class)
public class UnconfiguredMailSystem implements MailSystem {

  /** The setting that would attach it; null: none is configured at all. */
  private String missing;

  public UnconfiguredMailSystem() {}

  /** A further mail server (provider E) whose settings are not in the environment. */
  UnconfiguredMailSystem(String missingSetting) {
    this.missing = missingSetting;
  }

  private MailServerUnavailableException none() {
    return new MailServerUnavailableException(
        missing == null
            ? "No mail server is configured"
            : "This mail server's settings are missing (" + missing + " and the rest)",
        null);
  }

  @Override
  public MailSystemStatus status() {
    return MailSystemStatus.NOT_CONFIGURED;
  }

  @Override
  public void createSharedMailbox(String address) throws MailServerUnavailableException {
    throw none();
  }

  @Override
  public boolean hasSharedGrant(String address) throws MailServerUnavailableException {
    throw none();
  }

  @Override
  public void putSieve(String address, String script) throws MailServerUnavailableException {
    throw none();
  }

  @Override
  public void deleteSieve(String address) throws MailServerUnavailableException {
    throw none();
  }

  @Override
  public Optional<String> sieve(String address) throws MailServerUnavailableException {
    throw none();
  }

  @Override
  public void deleteMailbox(String address) throws MailServerUnavailableException {
    throw none();
  }
}
