package org.postroom.service.sharedmailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.sharedmailbox.SharedMailboxRequest;
import org.postroom.service.account.Accounts;
import org.postroom.service.address.Addresses;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.PagedSearch;
import org.postroom.service.common.Sizes;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.notification.Notifier;
import org.postroom.service.provisioning.Outbox;

/**
 * The shared-mailbox request workflow: staff submit, the helpdesk approves (which provisions the
 * mailbox) or rejects, the requester may cancel while nobody has decided. Each use case is one
 * transaction, writes an audit entry for every state change, and mails the requester after commit.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.STAFF, Roles.HELPDESK, Roles.ADMIN})
public class SharedMailboxRequestService {

  static final AuditSubject SUBJECT = AuditSubject.SHARED_MAILBOX_REQUEST;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;
  @Inject Addresses addresses;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject MailDomains domains;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject Outbox outbox;
  @Inject Freezes freezes;

  /**
   * The domains in which the caller may request a shared mailbox, with their policies (for the
   * form): those of the caller's own institution (see {@link Account#homeDomainName}) that take
   * requests; none for an account of no institution.
   */
  @RolesAllowed(Roles.STAFF)
  public List<OpenDomain> domainsOpenForRequests() {
    return openDomainsFor(caller()).stream().map(OpenDomain::of).toList();
  }

  /** Whether {@code account}'s institution takes shared-mailbox requests (for the menu). */
  @RolesAllowed(Roles.STAFF)
  public boolean takesRequestsFrom(Account account) {
    return !openDomainsFor(account).isEmpty();
  }

  private List<MailDomain> openDomainsFor(Account account) {
    return em.createQuery(
            "select d from MailDomain d where d.sharedMailboxPolicy.requestsEnabled = true"
                + " and d.name = :home order by d.name",
            MailDomain.class)
        .setParameter("home", String.valueOf(account.homeDomainName()))
        .getResultList();
  }

  /** Files a request; every broken rule is reported at once and nothing is stored. */
  @RolesAllowed(Roles.STAFF)
  public long submit(@NotNull @Valid NewSharedMailboxRequest form) {
    Account requester = caller();
    Instant now = Instant.now();
    MailDomain domain = openDomain(form.domain(), requester);
    freezes.refuse(Feature.REQUESTS, domain);
    List<Violation> violations = new ArrayList<>();

    Set<String> wanted =
        form.memberUsernames().stream()
            .map(Account::normalizeUsername)
            .filter(u -> u != null && !u.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<Account> members = accounts.byUsernames(wanted);
    Set<String> found = members.stream().map(Account::getUsername).collect(Collectors.toSet());
    List<String> unknown = wanted.stream().filter(u -> !found.contains(u)).toList();
    if (!unknown.isEmpty()) {
      violations.add(
          Violation.of("members", "request.members.unknown", String.join(", ", unknown)));
    }
    SharedMailboxPolicy policy = domain.getSharedMailboxPolicy();
    if (policy.checkLocalPart(form.localPart()).isEmpty()
        && addresses.isTaken(domain.addressOf(form.localPart()))) {
      violations.add(
          Violation.of("localPart", "request.localPart.taken", domain.addressOf(form.localPart())));
    }
    SharedMailboxRequest request;
    try {
      request =
          SharedMailboxRequest.submit(
              domain,
              requester,
              form.localPart(),
              form.abbreviations(),
              form.purpose(),
              members,
              now);
    } catch (RuleViolationException broken) {
      violations.addAll(0, broken.violations());
      throw new RuleViolationException(violations);
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    em.persist(request);
    Flush.orFail(em, Violation.of("localPart", "request.localPart.taken", request.getAddress()));
    audit.record(
        now,
        requester.getUsername(),
        AuditAction.SUBMITTED,
        SUBJECT,
        request.getId(),
        request.getAddress());
    notifier.tell(
        requester,
        "request.submitted",
        request.getAddress(),
        requester.getDisplayName(),
        String.valueOf(request.getId()),
        memberLines(request.getMembers()));
    return request.getId();
  }

  /** The requester withdraws an open request; its address becomes free again. */
  @RolesAllowed(Roles.STAFF)
  public void cancel(long requestId) {
    Account requester = caller();
    SharedMailboxRequest request = visibleRequest(requestId, requester);
    Instant now = Instant.now();
    request.cancel(requester, now);
    Flush.orFail(em, Violation.of(null, "request.concurrentChange"));
    audit.record(
        now,
        requester.getUsername(),
        AuditAction.CANCELLED,
        SUBJECT,
        requestId,
        request.getAddress());
  }

  /**
   * Approves the request as the caller saw it ({@code seenVersion}) and provisions the shared
   * mailbox with its members. When two helpdesk members decide the same request at once, exactly
   * one succeeds; the other gets {@code request.concurrentDecision} and nothing of theirs is kept.
   */
  @RolesAllowed(Roles.HELPDESK)
  public void approve(long requestId, long seenVersion) {
    String helpdesk = caller().getUsername();
    SharedMailboxRequest request = requestAsSeen(requestId, seenVersion);
    freezes.refuse(Feature.REQUESTS, request.getDomain());
    Instant now = Instant.now();
    request.approve(helpdesk, now);
    Flush.orFail(em, Violation.of(null, "request.concurrentDecision"));
    audit.record(now, helpdesk, AuditAction.APPROVED, SUBJECT, requestId, request.getAddress());

    Mailbox mailbox =
        Mailbox.shared(request.getDomain(), request.getAddress(), request.getMembers(), now);
    em.persist(mailbox);
    request.provisioned(mailbox, now);
    Flush.orFail(em, Violation.of(null, "request.localPart.taken", request.getAddress()));
    outbox.queue(mailbox, ChangeKind.CREATE_SHARED_MAILBOX, null, helpdesk, now);
    audit.record(
        now,
        helpdesk,
        AuditAction.PROVISIONED,
        SUBJECT,
        requestId,
        "mailbox " + mailbox.getId() + ", members " + memberNames(request.getMembers()));

    Account requester = request.getRequester();
    boolean sharedLogin = mailboxes.opensWithSharedLogin(mailbox);
    notifier.tell(
        requester,
        sharedLogin ? "request.approvedWithLogin" : "request.approved",
        mailbox.getAddress(),
        requester.getDisplayName(),
        String.valueOf(requestId),
        mailbox.getLoginName(),
        Sizes.format(mailbox.getQuotaBytes(), requester.getLocale()),
        memberLines(request.getMembers()));
    // the members learn how to open it too; the requester's own mail above says so already
    for (Account member : request.getMembers()) {
      if (!member.equals(requester)) {
        notifier.tell(
            member,
            "sharedMailbox.memberOfNew",
            mailbox.getAddress(),
            member.getDisplayName(),
            sharedLogin ? 1 : 0,
            requester.getDisplayName());
      }
    }
  }

  /** Rejects the request as the caller saw it, with a reason that is mailed to the requester. */
  @RolesAllowed(Roles.HELPDESK)
  public void reject(long requestId, long seenVersion, String reason) {
    String helpdesk = caller().getUsername();
    SharedMailboxRequest request = requestAsSeen(requestId, seenVersion);
    Instant now = Instant.now();
    request.reject(helpdesk, reason, now);
    Flush.orFail(em, Violation.of(null, "request.concurrentDecision"));
    audit.record(
        now, helpdesk, AuditAction.REJECTED, SUBJECT, requestId, request.getRejectionReason());
    Account requester = request.getRequester();
    notifier.tell(
        requester,
        "request.rejected",
        request.getAddress(),
        requester.getDisplayName(),
        String.valueOf(requestId),
        request.getRejectionReason());
  }

  /**
   * One request with its members and whether its mailbox still waits for the mail server (its
   * storage and grant are in the outbox), for its requester or the helpdesk. Anyone else is told it
   * does not exist, so that request numbers reveal nothing.
   */
  @RolesAllowed(Roles.USER)
  public RequestView find(long requestId) {
    SharedMailboxRequest request = visibleRequest(requestId, caller());
    boolean awaiting =
        request.getMailbox() != null
            && !outbox.outstanding(List.of(request.getMailbox().getId())).isEmpty();
    return RequestView.of(request, awaiting);
  }

  /** The helpdesk queue: requests of any requester, filtered, sorted and paged in the database. */
  @RolesAllowed(Roles.HELPDESK)
  public List<RequestRow> queue(@NotNull RequestQuery query) {
    return page(query, null);
  }

  @RolesAllowed(Roles.HELPDESK)
  public long countQueue(@NotNull RequestQuery query) {
    return count(query, null);
  }

  /** The caller's own requests, newest first unless asked otherwise. */
  @RolesAllowed(Roles.USER)
  public List<RequestRow> mine(@NotNull RequestQuery query) {
    return page(query, caller());
  }

  @RolesAllowed(Roles.USER)
  public long countMine(@NotNull RequestQuery query) {
    return count(query, caller());
  }

  private List<RequestRow> page(RequestQuery query, Account requester) {
    String direction = query.ascending() ? " asc" : " desc";
    return search(query, requester, true)
        .page(
            RequestRow.SELECT,
            RequestRow.class,
            " order by " + query.sort().path + direction + ", r.id" + direction,
            query.first(),
            query.pageSize(),
            RequestQuery.MAX_PAGE_SIZE);
  }

  private long count(RequestQuery query, Account requester) {
    return search(query, requester, false).count("r");
  }

  /**
   * The requests the query matches; the requester joined where the rows show them, or the text may
   * match them (a count without a text filter needs no join).
   */
  private PagedSearch search(RequestQuery query, Account requester, boolean rows) {
    String join = rows || query.text() != null ? " join r.requester a" : "";
    return new PagedSearch(
        em,
        " from SharedMailboxRequest r" + join + where(query, requester),
        typed -> bind(typed, query, requester));
  }

  private static String where(RequestQuery query, Account requester) {
    List<String> conditions = new ArrayList<>();
    if (requester != null) {
      conditions.add("r.requester = :requester");
    }
    if (query.state() != null) {
      conditions.add("r.state = :state");
    }
    if (query.text() != null) {
      conditions.add(
          "(r.address like :text escape '\\' or a.username like :text escape '\\'"
              + " or lower(a.displayName) like :text escape '\\')");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static void bind(TypedQuery<?> typed, RequestQuery query, Account requester) {
    if (requester != null) {
      typed.setParameter("requester", requester);
    }
    if (query.state() != null) {
      typed.setParameter("state", query.state());
    }
    if (query.text() != null) {
      typed.setParameter("text", LikePattern.contains(query.text()));
    }
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }

  private MailDomain openDomain(String name, Account requester) {
    Optional<MailDomain> domain = domains.byName(name);
    if (domain.isEmpty()
        || !domain.get().getSharedMailboxPolicy().isRequestsEnabled()
        || !requester.belongsTo(domain.get())) {
      throw new RuleViolationException(
          Violation.of("domain", "request.domain.closed", String.valueOf(name)));
    }
    return domain.get();
  }

  private SharedMailboxRequest visibleRequest(long requestId, Account reader) {
    SharedMailboxRequest request = em.find(SharedMailboxRequest.class, requestId);
    if (request == null
        || !(request.isRequestedBy(reader.getUsername())
            || context.isCallerInRole(Roles.HELPDESK))) {
      throw new NotFoundException("request.notFound");
    }
    return request;
  }

  private SharedMailboxRequest requestAsSeen(long requestId, long seenVersion) {
    SharedMailboxRequest request = em.find(SharedMailboxRequest.class, requestId);
    if (request == null) {
      throw new NotFoundException("request.notFound");
    }
    if (!request.getState().isOpen()) {
      throw RuleViolationException.of(
          "request.alreadyDecided",
          request.getState().name(),
          String.valueOf(request.getDecidedBy()));
    }
    if (request.getVersion() != seenVersion) {
      throw new ConflictException("request.concurrentChange");
    }
    return request;
  }

  private static String memberLines(List<Account> members) {
    return members.stream()
        .map(m -> "  - " + m.getDisplayName() + " (" + m.getUsername() + ")")
        .collect(Collectors.joining("\n"));
  }

  private static String memberNames(List<Account> members) {
    return members.stream().map(Account::getUsername).collect(Collectors.joining(", "));
  }
}
