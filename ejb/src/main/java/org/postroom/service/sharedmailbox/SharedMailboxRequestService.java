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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.provisioning.ChangeKind;
import org.postroom.domain.sharedmailbox.SharedMailboxRequest;
import org.postroom.service.account.Accounts;
import org.postroom.service.address.Addresses;
import org.postroom.service.address.AliasesAndLists;
import org.postroom.service.address.ListMembers;
import org.postroom.service.audit.AuditLog;
import org.postroom.service.common.Flush;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.NameSearch;
import org.postroom.service.common.Paging;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.common.Sizes;
import org.postroom.service.incident.Freezes;
import org.postroom.service.mailbox.Mailboxes;
import org.postroom.service.maildomain.MailDomains;
import org.postroom.service.notification.Notifier;
import org.postroom.service.provisioning.Outbox;
import org.postroom.service.sharedmailbox.RequestQuery.Seek;

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
  @Inject AliasesAndLists lists;
  @Inject SharedMailboxService sharedMailboxes;
  @Inject ListMembers listMembers;

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
    MailDomain domain = openDomain(form.domain(), requester);
    freezes.refuse(Feature.REQUESTS, domain);
    List<Violation> violations = new ArrayList<>();
    List<Account> members = people("members", form.memberUsernames(), violations);
    requireFree(domain, form.localPart(), violations);
    SharedMailboxRequest request =
        checked(
            violations,
            () ->
                SharedMailboxRequest.submit(
                    domain,
                    requester,
                    form.localPart(),
                    form.abbreviations(),
                    form.purpose(),
                    members,
                    Instant.now()));
    return file(request, "request.submitted", memberLines(request.getMembers()));
  }

  /**
   * Files a request for a distribution list, decided in the same queue; every broken rule is
   * reported at once and nothing is stored.
   */
  @RolesAllowed(Roles.STAFF)
  public long submitList(@NotNull @Valid NewListRequest form) {
    Account requester = caller();
    MailDomain domain = openDomain(form.domain(), requester);
    freezes.refuse(Feature.REQUESTS, domain);
    List<Violation> violations = new ArrayList<>();
    List<Account> owners = people("owners", form.ownerUsernames(), violations);
    List<Account> members = people("members", form.memberUsernames(), violations);
    requireFree(domain, form.localPart(), violations);
    List<String> externals =
        form.externals().stream().filter(e -> e != null && !e.isBlank()).toList();
    SharedMailboxRequest request =
        checked(
            violations,
            () ->
                SharedMailboxRequest.submitList(
                    domain,
                    requester,
                    form.localPart(),
                    form.purpose(),
                    owners,
                    members,
                    externals,
                    form.sendPolicy(),
                    form.endsOn(),
                    Instant.now(),
                    LocalDate.now()));
    return file(request, "request.listSubmitted", listLines(request));
  }

  /**
   * Files a member's request to add people to and take people off one of their shared mailboxes;
   * the domain's member rules are checked now and again when the helpdesk decides.
   */
  @RolesAllowed(Roles.STAFF)
  public long submitMemberChange(@NotNull @Valid MemberChangeRequest form) {
    Account requester = caller();
    Mailbox mailbox =
        mailboxes
            .live(form.mailbox())
            .filter(m -> m.getMembers().contains(requester))
            .orElseThrow(() -> new NotFoundException("sharedMailbox.notFound", form.mailbox()));
    freezes.refuse(Feature.REQUESTS, mailbox.getDomain());
    List<Violation> violations = new ArrayList<>();
    List<Account> add = people("add", form.addUsernames(), violations);
    List<Account> remove = people("remove", form.removeUsernames(), violations);
    SharedMailboxRequest request =
        checked(
            violations,
            () ->
                SharedMailboxRequest.submitMemberChange(
                    mailbox, requester, form.reason(), add, remove, Instant.now()));
    return file(request, "request.changeSubmitted", changeLines(request));
  }

  /**
   * Files an owner's request for a later last day of their distribution list; to anyone else the
   * list does not exist.
   */
  @RolesAllowed(Roles.USER)
  public long submitListExtension(String listAddress, LocalDate endsOn, String reason) {
    Account requester = caller();
    DistributionList list =
        em.createQuery(
                "select l from DistributionList l where l.address = :a", DistributionList.class)
            .setParameter("a", MailAddresses.normalize(listAddress))
            .getResultStream()
            .filter(l -> l.isOwnedBy(requester))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "distributionList.notFound", MailAddresses.normalize(listAddress)));
    freezes.refuse(Feature.REQUESTS, list.getDomain());
    SharedMailboxRequest request =
        SharedMailboxRequest.submitListExtension(
            list, requester, endsOn, reason, Instant.now(), LocalDate.now());
    return file(request, "request.extensionSubmitted", String.valueOf(endsOn));
  }

  /** The shared mailboxes the caller is a member of, with their members (for a member change). */
  @RolesAllowed(Roles.STAFF)
  public List<SharedMailboxMembers> mySharedMailboxes() {
    Account me = caller();
    return em
        .createQuery(
            "select m from Mailbox m join m.members p where p = :me"
                + " and m.deletionQueuedAt is null order by m.address",
            Mailbox.class)
        .setParameter("me", me)
        .getResultList()
        .stream()
        .map(
            m ->
                new SharedMailboxMembers(
                    m.getAddress(), m.getMembers().stream().map(RequestView.Person::of).toList()))
        .toList();
  }

  /** The accounts of these usernames; unknown ones are a violation of {@code field}. */
  private List<Account> people(String field, List<String> usernames, List<Violation> violations) {
    Set<String> wanted =
        usernames.stream()
            .map(Account::normalizeUsername)
            .filter(u -> u != null && !u.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<Account> found = accounts.byUsernames(wanted);
    Set<String> names = found.stream().map(Account::getUsername).collect(Collectors.toSet());
    List<String> unknown = wanted.stream().filter(u -> !names.contains(u)).toList();
    if (!unknown.isEmpty()) {
      violations.add(Violation.of(field, "request.members.unknown", String.join(", ", unknown)));
    }
    return found;
  }

  /** A new address, when well-formed, must be free (not a mailbox, alias or list). */
  private void requireFree(MailDomain domain, String localPart, List<Violation> violations) {
    if (domain.getSharedMailboxPolicy().checkLocalPart(localPart).isEmpty()
        && addresses.isTaken(domain.addressOf(localPart))) {
      violations.add(
          Violation.of("localPart", "request.localPart.taken", domain.addressOf(localPart)));
    }
  }

  /** The request the domain's rules make, or every violation (the service's first) at once. */
  private static SharedMailboxRequest checked(
      List<Violation> violations, Supplier<SharedMailboxRequest> submit) {
    SharedMailboxRequest request;
    try {
      request = submit.get();
    } catch (RuleViolationException broken) {
      violations.addAll(0, broken.violations());
      throw new RuleViolationException(violations);
    }
    if (!violations.isEmpty()) {
      throw new RuleViolationException(violations);
    }
    return request;
  }

  /** Stores a checked request, audits it and mails its requester what they asked for. */
  private long file(SharedMailboxRequest request, String template, String lines) {
    Account requester = request.getRequester();
    em.persist(request);
    Flush.orFail(em, Violation.of("localPart", "request.localPart.taken", request.getAddress()));
    audit.record(
        request.getSubmittedAt(),
        requester.getUsername(),
        AuditAction.SUBMITTED,
        SUBJECT,
        request.getId(),
        request.getKind() + " " + request.getAddress());
    notifier.tell(
        requester,
        template,
        request.getAddress(),
        requester.getDisplayName(),
        String.valueOf(request.getId()),
        lines);
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
    switch (request.getKind()) {
      case SHARED_MAILBOX -> provisionMailbox(request, helpdesk, now);
      case DISTRIBUTION_LIST -> provisionList(request, helpdesk, now);
      case MEMBER_CHANGE -> changeMembers(request, helpdesk, now);
      case LIST_EXTENSION -> extendList(request, helpdesk, now);
    }
  }

  private void provisionMailbox(SharedMailboxRequest request, String helpdesk, Instant now) {
    long requestId = request.getId();
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

  /**
   * Makes the list as the request asks (the helpdesk's own path: the same address rules, loop check
   * and audit); Postfix expands it with its next message.
   */
  private void provisionList(SharedMailboxRequest request, String helpdesk, Instant now) {
    List<String> members = new ArrayList<>();
    request.getMembers().forEach(m -> members.add(m.getContactAddress()));
    members.addAll(request.getExternalMembers());
    // the request lets go of its address first: the list takes it over in the same transaction
    request.carriedOut(now);
    em.flush();
    long listId = lists.createList(request.getAddress(), request.getPurpose(), members);
    lists.configureList(
        request.getAddress(),
        request.getSendPolicy(),
        request.getEndsOn(),
        request.getOwners().stream().map(Account::getUsername).toList());
    carriedOut(request, helpdesk, now, "list " + listId + ", " + members.size() + " members");
    Set<Account> told = new LinkedHashSet<>();
    told.add(request.getRequester());
    told.addAll(request.getOwners());
    for (Account person : told) {
      notifier.tell(
          person,
          "request.listApproved",
          request.getAddress(),
          person.getDisplayName(),
          String.valueOf(request.getId()),
          request.getEndsOn() == null ? "" : request.getEndsOn().toString(),
          request.getEndsOn() == null ? 0 : 1,
          request.getSendPolicy().ordinal(),
          members.size());
    }
  }

  /**
   * Adds, then removes, through the helpdesk's own path: the mailbox checks the domain's member
   * rules again, and each person added or removed is mailed.
   */
  private void changeMembers(SharedMailboxRequest request, String helpdesk, Instant now) {
    for (Account person : request.getMembers()) {
      sharedMailboxes.addMember(request.getAddress(), person.getUsername());
    }
    for (Account person : request.getRemovals()) {
      sharedMailboxes.removeMember(request.getAddress(), person.getUsername());
    }
    request.carriedOut(now);
    carriedOut(request, helpdesk, now, changeSummary(request));
    Account requester = request.getRequester();
    notifier.tell(
        requester,
        "request.changeApproved",
        request.getAddress(),
        requester.getDisplayName(),
        String.valueOf(request.getId()),
        changeLines(request));
  }

  /**
   * Moves the list's last day as asked, through the helpdesk's own path (which opens a closed list
   * again); who may send and its owners stay as they are.
   */
  private void extendList(SharedMailboxRequest request, String helpdesk, Instant now) {
    DistributionList list = listMembers.locked(request.getAddress());
    lists.configureList(
        list.getAddress(),
        list.getSendPolicy(),
        request.getEndsOn(),
        list.getOwners().stream().map(Account::getUsername).toList());
    request.carriedOut(now);
    carriedOut(request, helpdesk, now, "list " + list.getId() + " ends " + request.getEndsOn());
    for (Account owner : list.getOwners()) {
      notifier.tell(
          owner,
          "request.extensionApproved",
          list.getAddress(),
          owner.getDisplayName(),
          String.valueOf(request.getId()),
          String.valueOf(request.getEndsOn()));
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
        switch (request.getKind()) {
          case SHARED_MAILBOX -> "request.rejected";
          case DISTRIBUTION_LIST -> "request.listRejected";
          case MEMBER_CHANGE -> "request.changeRejected";
          case LIST_EXTENSION -> "request.extensionRejected";
        },
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
    Seek seek = query.seek();
    boolean forward = seek == null || seek.direction().forward();
    boolean ascending = query.ascending() == forward;
    List<Object[]> rows;
    if (seek == null) {
      rows = rows(query, requester, ascending, "", null, query.first());
    } else if (seek.direction() == SeekDirection.LAST) {
      rows = rows(query, requester, ascending, "", null, 0);
    } else {
      RequestRow row = seek.row();
      boolean inclusive = seek.direction() == SeekDirection.FROM;
      // the rows of the same leading value past the row, then (if the page is not full) the rows
      // of the leading values beyond: each a range of the sort's index, however deep the page
      String within =
          (query.sort().path == null ? "" : " and " + query.sort().path + " = :lead")
              + " and "
              + seekCondition(ascending, inclusive);
      rows = new ArrayList<>(rows(query, requester, ascending, within, row, 0));
      if (query.sort().path != null && rows.size() < query.pageSize()) {
        RequestQuery rest = query.seeking(seek, 0, query.pageSize() - rows.size());
        rows.addAll(
            rows(
                rest,
                requester,
                ascending,
                " and " + query.sort().path + (ascending ? " > :lead" : " < :lead"),
                row,
                0));
      }
    }
    if (!forward) {
      Collections.reverse(rows);
    }
    return withNames(rows);
  }

  /** The rows with their requesters' names, read in one statement for the whole page. */
  private List<RequestRow> withNames(List<Object[]> rows) {
    Map<Long, String> names = new HashMap<>();
    if (!rows.isEmpty()) {
      em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
          .setParameter("ids", rows.stream().map(r -> (Long) r[5]).distinct().toList())
          .getResultStream()
          .forEach(a -> names.put((Long) a[0], (String) a[1]));
    }
    return rows.stream().map(r -> RequestRow.of(r, names)).toList();
  }

  /**
   * The condition that a row comes after the seek's row in (submittedAt, id) order, written so that
   * both databases read it as a range of the index rather than a filter of every row before it.
   */
  private static String seekCondition(boolean ascending, boolean inclusive) {
    String towards = ascending ? ">=" : "<=";
    String behind = ascending ? (inclusive ? "<" : "<=") : (inclusive ? ">" : ">=");
    return "r.submittedAt "
        + towards
        + " :seekAt and not (r.submittedAt = :seekAt and r.id "
        + behind
        + " :seekId)";
  }

  /** One page's rows: the query's rows plus {@code seek} conditions, in the sort's order. */
  private List<Object[]> rows(
      RequestQuery query,
      Account requester,
      boolean ascending,
      String seekConditions,
      RequestRow seekRow,
      int first) {
    String direction = ascending ? " asc" : " desc";
    String order =
        (query.sort().path == null ? "" : query.sort().path + direction + ", ")
            + "r.submittedAt"
            + direction
            + ", r.id"
            + direction;
    String from =
        " from SharedMailboxRequest r" + where(query, requester, query.sort().path != null);
    TypedQuery<Object[]> typed =
        em.createQuery(
            RequestRow.COLUMNS
                + from
                + (from.contains(" where ") ? "" : " where 1 = 1")
                + seekConditions
                + " order by "
                + order,
            Object[].class);
    bind(typed, query, requester);
    if (seekConditions.contains(":seekAt")) {
      typed.setParameter("seekAt", seekRow.submittedAt());
      typed.setParameter("seekId", seekRow.id());
    }
    if (seekConditions.contains(":lead")) {
      typed.setParameter("lead", query.sort().value.apply(seekRow));
    }
    return Paging.page(typed, first, query.pageSize(), RequestQuery.MAX_PAGE_SIZE);
  }

  /** How many requests the query matches: one table, no join (the text looks up names apart). */
  private long count(RequestQuery query, Account requester) {
    TypedQuery<Long> typed =
        em.createQuery(
            "select count(r) from SharedMailboxRequest r" + where(query, requester, false),
            Long.class);
    bind(typed, query, requester);
    return typed.getSingleResult();
  }

  /**
   * The query's conditions. When another column leads the order ({@code walkSortIndex}), state and
   * kind are written so that no index serves them: the database then walks the sort's index and
   * filters, and stops at the page, instead of reading every request of the state and sorting them
   * (H2 chose the state's index and sorted 63,000 requests for each page).
   */
  private static String where(RequestQuery query, Account requester, boolean walkSortIndex) {
    List<String> conditions = new ArrayList<>();
    if (requester != null) {
      conditions.add("r.requester = :requester");
    }
    if (query.state() != null) {
      conditions.add(
          walkSortIndex ? "case when r.state = :state then 1 else 0 end = 1" : "r.state = :state");
    }
    if (query.kind() != null) {
      conditions.add(
          walkSortIndex ? "case when r.kind = :kind then 1 else 0 end = 1" : "r.kind = :kind");
    }
    if (query.text() != null) {
      // the requester's name is searched in the accounts (folded), once, not joined per request
      conditions.add(
          "(r.address like :text escape '\\' or r.requesterUsername like :text escape '\\'"
              + " or r.requester in (select n from Account n where "
              + NameSearch.matches("n.searchName")
              + "))");
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
    if (query.kind() != null) {
      typed.setParameter("kind", query.kind());
    }
    if (query.text() != null) {
      typed.setParameter("text", LikePattern.contains(query.text()));
      NameSearch.bind(typed, query.text());
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

  /** The audit entry of a request carried out: what was made or changed. */
  private void carriedOut(SharedMailboxRequest request, String helpdesk, Instant now, String what) {
    audit.record(now, helpdesk, AuditAction.PROVISIONED, SUBJECT, request.getId(), what);
  }

  private static String memberLines(List<Account> members) {
    return members.stream()
        .map(m -> "  - " + m.getDisplayName() + " (" + m.getUsername() + ")")
        .collect(Collectors.joining("\n"));
  }

  /** The list's people for the requester's mail: owners, members, external addresses. */
  private static String listLines(SharedMailboxRequest request) {
    List<String> lines = new ArrayList<>();
    request
        .getOwners()
        .forEach(o -> lines.add("  * " + o.getDisplayName() + " (" + o.getUsername() + ")"));
    request
        .getMembers()
        .forEach(m -> lines.add("  - " + m.getDisplayName() + " (" + m.getUsername() + ")"));
    request.getExternalMembers().forEach(e -> lines.add("  - " + e));
    return String.join("\n", lines);
  }

  private static String changeLines(SharedMailboxRequest request) {
    List<String> lines = new ArrayList<>();
    request
        .getMembers()
        .forEach(m -> lines.add("  + " + m.getDisplayName() + " (" + m.getUsername() + ")"));
    request
        .getRemovals()
        .forEach(m -> lines.add("  − " + m.getDisplayName() + " (" + m.getUsername() + ")"));
    return String.join("\n", lines);
  }

  private static String changeSummary(SharedMailboxRequest request) {
    return "added "
        + memberNames(request.getMembers())
        + "; removed "
        + memberNames(request.getRemovals());
  }

  private static String memberNames(List<Account> members) {
    return members.stream().map(Account::getUsername).collect(Collectors.joining(", "));
  }
}
