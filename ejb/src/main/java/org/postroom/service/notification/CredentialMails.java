package org.postroom.service.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.postroom.domain.account.Account;

/** The mail a person gets after every change of their password, however it was changed. */
@ApplicationScoped
public class CredentialMails {

  @Inject Notifier notifier;

  /** Mailed to the recovery address where there is one, else where the person is mailed. */
  public void changed(Account account, Instant when) {
    notifier.tellAt(
        account.getRecoveryAddress(),
        account,
        "credentials.changed",
        account.getDisplayName(),
        account.getUsername(),
        MailTemplates.moment(when, account.getLocale()));
  }
}
