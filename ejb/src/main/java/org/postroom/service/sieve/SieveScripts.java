package org.postroom.service.sieve;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.sieve.FilterRule;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.domain.sieve.MailboxSieve;
import org.postroom.domain.vacation.VacationReply;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.provisioning.Outbox;

/**
 * Keeps a mailbox's desired Sieve script and sends every change of it to the mail server through
 * the outbox, in the caller's transaction. An unchanged script sends nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SieveScripts {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Inject Outbox outbox;

  /**
   * Writes the mailbox's script anew from its settings (the vacation reply, then the enabled filter
   * rules in order) and sends it if it changed; true when it did. The caller holds the mailbox's
   * row lock.
   */
  public boolean rebuild(Mailbox mailbox, String actor, Instant now) {
    List<FilterSpec> rules =
        em.createQuery(
                "select r from FilterRule r where r.mailbox = :m and r.enabled = true"
                    + " order by r.position",
                FilterRule.class)
            .setParameter("m", mailbox)
            .getResultStream()
            .map(FilterRule::spec)
            .toList();
    String script =
        new SieveScriptBuilder()
            .vacation(em.find(VacationReply.class, mailbox.getId()), mailboxes.addressesOf(mailbox))
            .filters(rules)
            .build();
    return apply(mailbox, script, actor, now);
  }

  /**
   * Makes {@code script} (null: none) the mailbox's Postroom script; true when it changed. The
   * caller holds the mailbox's row lock, so that changes of one mailbox follow each other.
   */
  public boolean apply(Mailbox mailbox, String script, String actor, Instant now) {
    MailboxSieve current = em.find(MailboxSieve.class, mailbox.getId());
    if (script == null) {
      if (current == null) {
        return false;
      }
      em.remove(current);
      outbox.queue(mailbox, ChangeKind.DELETE_SIEVE, null, actor, now);
      return true;
    }
    if (current == null) {
      em.persist(new MailboxSieve(mailbox.getId(), script, now));
    } else if (!current.replace(script, now)) {
      return false;
    }
    outbox.queue(mailbox, ChangeKind.PUT_SIEVE, script, actor, now);
    return true;
  }
}
