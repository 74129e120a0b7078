package org.postroom.service.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountState;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.directory.Affiliation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.NameSearch;
import org.postroom.service.common.Paging;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.provisioning.Outbox;

/**
 * The helpdesk's view of the directory: finding accounts by name, username or any address, and one
 * in full.
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADMIN})
public class DirectoryService {

  public static final int MAX_PAGE_SIZE = 100;
  public static final int HISTORY_MAX = 50;

  /**
   * The username from its start, the name as people say it ({@link NameSearch}), any part of an
   * address ("@univ-b.be" or "univ-b.be" lists a domain's mailboxes), or the account's domain. The
   * addresses and domains are looked up apart (once), not joined to every account, so that the
   * count reads one table and a page walks the username index.
   */
  private static final String WHERE =
      " where (a.username like :prefix escape '\\'"
          + " or "
          + NameSearch.matches("a.searchName")
          + " or a.id in (select m.owner.id from Mailbox m where m.address like :contains escape '\\')"
          + " or a.domain.id in (select d.id from MailDomain d where d.name like :domain escape '\\'))";

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Outbox outbox;

  /**
   * Accounts whose username starts with the text, whose name contains it (accents and spaces
   * aside), whose address contains it or whose domain starts with it, sorted by username and paged
   * in the database; all accounts when the text is empty. A row shows the account's own addresses
   * (read for the page's accounts only).
   */
  public List<AccountRow> search(String text, int first, int pageSize) {
    return page(text, "", true, null, first, pageSize);
  }

  /**
   * A page of the same search found next to an account the table shows (keyset paging: a range of
   * the username index, however deep the page), or the last page ({@code username} null).
   */
  public List<AccountRow> searchNextTo(
      String text, String username, SeekDirection direction, int pageSize) {
    String seek =
        switch (direction) {
          case AFTER -> "a.username > :seek";
          case FROM -> "a.username >= :seek";
          case BEFORE -> "a.username < :seek";
          case LAST -> "";
        };
    List<AccountRow> rows = page(text, seek, direction.forward(), username, 0, pageSize);
    if (!direction.forward()) {
      rows = new ArrayList<>(rows);
      Collections.reverse(rows);
    }
    return rows;
  }

  private List<AccountRow> page(
      String text, String seek, boolean ascending, String seekUsername, int first, int pageSize) {
    String where = where(text);
    if (!seek.isEmpty()) {
      where += (where.isEmpty() ? " where " : " and ") + seek;
    }
    TypedQuery<Object[]> page =
        em.createQuery(
            "select a.id, a.username, a.displayName, a.type, a.state from Account a"
                + where
                + " order by a.username"
                + (ascending ? "" : " desc"),
            Object[].class);
    bind(page, text);
    if (!seek.isEmpty()) {
      page.setParameter("seek", seekUsername);
    }
    List<Object[]> accounts = Paging.page(page, first, pageSize, MAX_PAGE_SIZE);
    Map<Long, String> addresses = new HashMap<>();
    if (!accounts.isEmpty()) {
      em.createQuery(
              "select m.owner.id, m.address from Mailbox m where m.owner.id in :ids"
                  + " order by m.address",
              Object[].class)
          .setParameter("ids", accounts.stream().map(a -> (Long) a[0]).toList())
          .getResultStream()
          .forEach(m -> addresses.merge((Long) m[0], (String) m[1], (x, y) -> x + ", " + y));
    }
    return accounts.stream()
        .map(
            a ->
                new AccountRow(
                    (String) a[1],
                    (String) a[2],
                    (AccountType) a[3],
                    (AccountState) a[4],
                    addresses.get((Long) a[0])))
        .toList();
  }

  public long count(String text) {
    TypedQuery<Long> count =
        em.createQuery("select count(a) from Account a" + where(text), Long.class);
    bind(count, text);
    return count.getSingleResult();
  }

  /** One account in full; an unknown username is {@code account.notFound}. */
  public AccountDetail detail(String username) {
    Account account =
        em.createQuery("select a from Account a where a.username = :u", Account.class)
            .setParameter("u", Account.normalizeUsername(username))
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("account.notFound"));
    List<Affiliation> affiliations =
        account.getPerson() == null ? List.of() : account.getPerson().getAffiliations();
    List<Mailbox> own =
        em.createQuery(
                "select m from Mailbox m where m.owner = :a order by m.address", Mailbox.class)
            .setParameter("a", account)
            .getResultList();
    List<Mailbox> shared =
        em.createQuery(
                "select m from Mailbox m join m.members sharer where sharer = :a order by m.address",
                Mailbox.class)
            .setParameter("a", account)
            .getResultList();
    // what happened to the person (registry), to the account (alumni address, chosen address…) and
    // to its own mailboxes (forward, vacation reply); indexed reads rather than one "or", which
    // would
    // not use the index
    List<AuditEntry> history = new ArrayList<>(historyOf(AuditSubject.ACCOUNT, account.getId()));
    if (account.getPerson() != null) {
      history.addAll(historyOf(AuditSubject.PERSON, account.getPerson().getId()));
    }
    for (Mailbox mailbox : own) {
      history.addAll(historyOf(AuditSubject.MAILBOX, mailbox.getId()));
      mailbox.getForwardTargets(); // shown on the page, read here
    }
    history.sort(
        Comparator.comparing(AuditEntry::getOccurredAt)
            .thenComparing(AuditEntry::getId)
            .reversed());
    history = List.copyOf(history.subList(0, Math.min(HISTORY_MAX, history.size())));
    boolean addressToChoose =
        own.isEmpty()
            && account.getDomain() != null
            && account.getDomain().getMailboxPolicy().getAddressScheme()
                == AddressScheme.CHOSEN_BY_OWNER;
    return new AccountDetail(
        account,
        account.getPerson() == null ? null : account.getPerson().getRegistryId(),
        affiliations,
        own,
        shared,
        history,
        addressToChoose,
        outbox.outstanding(
            Stream.concat(own.stream(), shared.stream()).map(Mailbox::getId).toList()),
        filterRulesOn(own));
  }

  /** Per mailbox, how many of its filter rules are on (those with none are left out). */
  private Map<Long, Long> filterRulesOn(List<Mailbox> mailboxes) {
    if (mailboxes.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> counts = new java.util.HashMap<>();
    em.createQuery(
            "select r.mailbox.id, count(r) from FilterRule r"
                + " where r.mailbox in :m and r.enabled = true group by r.mailbox.id",
            Object[].class)
        .setParameter("m", mailboxes)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }

  /** The conditions for a text; none for no text (every account, counted and paged unfiltered). */
  private static String where(String text) {
    return normalized(text) == null ? "" : WHERE;
  }

  private static String normalized(String text) {
    return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  private static void bind(TypedQuery<?> query, String text) {
    String normalized = normalized(text);
    if (normalized == null) {
      return;
    }
    query.setParameter("prefix", LikePattern.prefix(normalized));
    query.setParameter("contains", LikePattern.contains(normalized));
    query.setParameter("domain", LikePattern.prefix(normalized.replaceFirst("^@", "")));
    NameSearch.bind(query, text);
  }

  private List<AuditEntry> historyOf(AuditSubject subject, long subjectId) {
    return em.createQuery(
            "select e from AuditEntry e where e.subjectType = :type and e.subjectId = :id"
                + " order by e.occurredAt desc, e.id desc",
            AuditEntry.class)
        .setParameter("type", subject.stored())
        .setParameter("id", subjectId)
        .setMaxResults(HISTORY_MAX)
        .getResultList();
  }
}
