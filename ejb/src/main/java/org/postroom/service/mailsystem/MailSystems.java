package org.postroom.service.mailsystem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Chooses the mail system: the configured Dovecot, else the embedded default without one. */
@ApplicationScoped
public class MailSystems {

  @Inject DovecotMailSystem dovecot;
  @Inject UnconfiguredMailSystem none;

  @Produces
  MailSystem current() {
    return dovecot.configured() ? dovecot : none;
  }

  public boolean configured() {
    return dovecot.configured();
  }
}
