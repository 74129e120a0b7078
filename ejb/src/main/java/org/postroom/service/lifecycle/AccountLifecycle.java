package org.postroom.service.lifecycle;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;

/**
 * The account lifecycle of the registry's people: when the last affiliation has ended an account is
 * leaving (the user is mailed the day it closes, and offered an alumni address where the domain has
 * one); after the domain's grace period it is closed — or kept as an alumnus — and after the
 * retention period the home mailbox's deletion is queued for the mail system. Runs daily, once per
 * cluster ({@link LifecycleSchedule}), in pages of accounts that each commit by themselves; safe to
 * run again on the same day.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AccountLifecycle {

  private static final Logger LOG = Logger.getLogger(AccountLifecycle.class.getName());
  static final int PAGE = 500;

  @Resource SessionContext context;
  @Inject LifecycleChunk chunk;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LifecycleReport run(LocalDate today) {
    String actor = context.getCallerPrincipal().getName();
    LifecycleReport report = LifecycleReport.NOTHING;
    long after = 0;
    for (List<Long> ids = chunk.next(after, PAGE); !ids.isEmpty(); ids = chunk.next(after, PAGE)) {
      try {
        report = report.plus(chunk.advance(ids, today, actor));
      } catch (EJBException conflict) {
        // e.g. a registry import changed one of these accounts at the same moment: this page is
        // left for the next run (which moves accounts by their state), the others go on
        long first = ids.get(0);
        LOG.log(
            Level.WARNING, "Account lifecycle skipped the page from account " + first, conflict);
      }
      after = ids.get(ids.size() - 1);
    }
    LifecycleReport done = report;
    LOG.info(() -> "Account lifecycle for " + today + ": " + done);
    return done;
  }
}
