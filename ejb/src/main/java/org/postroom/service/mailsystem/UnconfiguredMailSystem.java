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

  private static MailServerUnavailableException none() {
    return new MailServerUnavailableException("No mail server is configured", null);
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
