package org.postroom.service.quota;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Mails the people of each mailbox whose usage crossed a quota warning level since the last run:
 * the domain's warning percentage, then 100 %. Runs after every quota scan (once per cluster), in
 * pages, each its own transaction.
 */
@Stateless
public class QuotaWarnings {

  private static final Logger LOG = Logger.getLogger(QuotaWarnings.class.getName());

  static final int PAGE = 200;

  @Inject QuotaWarningSteps steps;

  /** Answers how many mailboxes' people were warned. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int run() {
    int warned = 0;
    long after = 0;
    List<Long> page;
    while (!(page = steps.changed(after, PAGE)).isEmpty()) {
      after = page.get(page.size() - 1);
      warned += steps.warn(page);
    }
    int total = warned;
    LOG.info(() -> "Quota warnings: " + total + " mailboxes' people mailed");
    return warned;
  }
}
