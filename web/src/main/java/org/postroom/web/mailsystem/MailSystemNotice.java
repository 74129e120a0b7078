package org.postroom.web.mailsystem;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.postroom.service.mailsystem.MailSystems;

/**
 * Tells administrators on every page when no mail server is attached (the embedded default): the
 * portal works, but nothing reaches a Dovecot. Asks the configuration only, never the server.
 */
@Named
@RequestScoped
public class MailSystemNotice {

  @Inject MailSystems mailSystems;

  public boolean isShown() {
    return !mailSystems.configured();
  }
}
