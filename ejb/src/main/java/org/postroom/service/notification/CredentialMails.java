package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.postroom.domain.account.Account;

/** The mail a person gets after every change of their password, however it was changed. */
@ApplicationScoped
public class CredentialMails {

  @Inject Notifier notifier;
  @Inject MailTemplates templates;

  public void changed(Account account, String to, Instant when) {
    notifier.queue(
        templates.render(
            "credentials.changed",
            account.getLocale(),
            to,
            account.getDisplayName(),
            account.getDisplayName(),
            account.getUsername(),
            MailTemplates.moment(when, account.getLocale())));
  }
}
