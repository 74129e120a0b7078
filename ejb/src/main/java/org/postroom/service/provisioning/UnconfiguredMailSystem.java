package org.postroom.service.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.postroom.domain.mailbox.Mailbox;

/**
 * The embedded default: no Dovecot behind Postroom. The mailbox exists in the portal database
 * (which a real Dovecot reads through SQL views), and the log says plainly that no mail server was
 * touched.
 */
@ApplicationScoped
public class UnconfiguredMailSystem implements MailSystem {

  private static final Logger LOG = Logger.getLogger(UnconfiguredMailSystem.class.getName());

  @Override
  public void createSharedMailbox(Mailbox mailbox) {
    LOG.info(
        () ->
            "No mail server is configured: shared mailbox "
                + mailbox.getAddress()
                + " exists in the Postroom database only");
  }

  @Override
  public MailSystemStatus status() {
    return MailSystemStatus.NOT_CONFIGURED;
  }
}
