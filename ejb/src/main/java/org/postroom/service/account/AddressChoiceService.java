package org.postroom.service.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.address.Addresses;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.notification.Notifier;

/**
 * Personal addresses chosen by their owner ({@link AddressScheme#CHOSEN_BY_OWNER}): a person of
 * such a domain comes from the registry without a mailbox and chooses its address once. The choice
 * obeys the domain's local-part rules, is unique across every mailbox and open request (the unique
 * index on mailbox addresses has the last word, also between nodes), and cannot be made twice.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class AddressChoiceService {

  public static final AuditSubject SUBJECT = AuditSubject.ACCOUNT;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Addresses addresses;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AuditLog audit;
  @Inject Notifier notifier;

  public AddressChoice choice() {
    return choiceOf(caller());
  }

  /** Whether {@code account} still has to choose its address (for the menu). */
  public boolean toChoose(Account account) {
    return choiceOf(account).open();
  }

  /**
   * Gives the caller the address {@code localPart@their-domain}. Refused with the broken rules at
   * the field {@code localPart}, or when the caller has no choice to make (any more).
   */
  public String choose(String localPart) {
    Account account = caller();
    // one choice per person, also when the form is sent twice at once
    em.lock(account, LockModeType.PESSIMISTIC_WRITE);
    AddressChoice choice = choiceOf(account);
    if (!choice.open()) {
      throw RuleViolationException.of(
          choice.chosen() != null ? "address.choice.made" : "address.choice.none");
    }
    if (account.getState() == AccountState.CLOSED || account.getState() == AccountState.SUSPENDED) {
      throw RuleViolationException.of("address.choice.accountClosed");
    }
    MailDomain domain = account.getDomain();
    List<Violation> broken = domain.getMailboxPolicy().checkChosenLocalPart(localPart);
    if (!broken.isEmpty()) {
      throw new RuleViolationException(broken);
    }
    String address = domain.addressOf(localPart);
    Violation taken = Violation.of("localPart", "request.localPart.taken", address);
    if (addresses.isTaken(address)) {
      throw new RuleViolationException(taken);
    }
    Instant now = Instant.now();
    em.persist(Mailbox.personal(domain, address, address, account, now));
    account.receiveMailAt(address);
    Flush.orFail(em, taken);
    audit.record(
        now, account.getUsername(), AuditAction.ADDRESS_CHOSEN, SUBJECT, account.getId(), address);
    notifier.tellAt(
        address,
        account,
        "mailbox.addressChosen",
        address,
        account.getDisplayName(),
        account.getUsername());
    return address;
  }

  private AddressChoice choiceOf(Account account) {
    MailDomain domain = account.getDomain();
    if (domain == null
        || domain.getMailboxPolicy().getAddressScheme() != AddressScheme.CHOSEN_BY_OWNER) {
      return AddressChoice.none();
    }
    String chosen =
        em.createQuery(
                "select m.address from Mailbox m where m.owner = :a and m.kind = :kind",
                String.class)
            .setParameter("a", account)
            .setParameter("kind", MailboxKind.PERSONAL)
            .getResultStream()
            .findFirst()
            .orElse(null);
    return new AddressChoice(
        chosen == null,
        domain.getName(),
        domain.getMailboxPolicy().getLocalPartMaxLength(),
        chosen);
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }
}
