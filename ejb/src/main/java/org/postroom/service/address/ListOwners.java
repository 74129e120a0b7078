package org.postroom.service.address;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.NotFoundException;
import org.postroom.service.account.Accounts;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.Paging;

/**
 * The owners of a distribution list manage its members themselves: a page of members at a time
 * (read in the database, whatever the list's size), adding one or many pasted at once, removing.
 * Only a list's owners may (the helpdesk too); to anyone else a list they do not own does not
 * exist. A closed list's members can still be changed, for the day it reopens.
 */
@Stateless
@DeclareRoles({Roles.USER, Roles.HELPDESK})
@RolesAllowed(Roles.USER)
public class ListOwners {

  public static final int MAX_PAGE_SIZE = 100;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject ListMembers listMembers;

  /** The lists the caller owns, by address. */
  public List<OwnedList> mine() {
    return em.createQuery(
            OwnedList.SELECT
                + " from DistributionList l join l.owners o where o = :me order by l.address",
            OwnedList.class)
        .setParameter("me", caller())
        .getResultList();
  }

  /** Whether the caller owns any list (for the menu). */
  public boolean ownsAny() {
    return !em.createQuery(
            "select l.id from DistributionList l join l.owners o where o = :me", Long.class)
        .setParameter("me", caller())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** One list of the caller's, for its page. */
  public OwnedList find(String listAddress) {
    DistributionList list = owned(listAddress, false);
    return em.createQuery(
            OwnedList.SELECT + " from DistributionList l where l = :l", OwnedList.class)
        .setParameter("l", list)
        .getSingleResult();
  }

  /** One page of members, by address, perhaps only those containing {@code text}. */
  public List<ListMember> members(String listAddress, String text, int first, int pageSize) {
    DistributionList list = owned(listAddress, false);
    TypedQuery<String> query =
        em.createQuery(
            "select m from DistributionList l join l.members m where l = :l"
                + matching(text)
                + " order by m",
            String.class);
    bind(query, list, text);
    Set<String> served = servedDomains();
    return Paging.page(query, first, pageSize, MAX_PAGE_SIZE).stream()
        .map(m -> new ListMember(m, !served.contains(MailAddresses.domainOf(m))))
        .toList();
  }

  public long countMembers(String listAddress, String text) {
    DistributionList list = owned(listAddress, false);
    TypedQuery<Long> query =
        em.createQuery(
            "select count(m) from DistributionList l join l.members m where l = :l"
                + matching(text),
            Long.class);
    bind(query, list, text);
    return query.getSingleResult();
  }

  /**
   * Adds addresses (typed or pasted, see {@link MailAddresses#splitPasted}); one bad address
   * changes nothing.
   *
   * @return how many were not members yet
   */
  public int add(String listAddress, List<String> addresses) {
    return listMembers.add(owned(listAddress, true), addresses, actor());
  }

  public void remove(String listAddress, String member) {
    listMembers.remove(owned(listAddress, true), member, actor());
  }

  private static String matching(String text) {
    return text == null || text.isBlank() ? "" : " and m like :text escape '\\'";
  }

  private static void bind(TypedQuery<?> query, DistributionList list, String text) {
    query.setParameter("l", list);
    if (text != null && !text.isBlank()) {
      query.setParameter("text", LikePattern.contains(MailAddresses.normalize(text)));
    }
  }

  private Set<String> servedDomains() {
    return new HashSet<>(
        em.createQuery("select d.name from MailDomain d", String.class).getResultList());
  }

  /** The list, if the caller owns it or is the helpdesk; locked when it is to change. */
  private DistributionList owned(String listAddress, boolean forChange) {
    DistributionList list =
        forChange
            ? listMembers.locked(listAddress)
            : em.createQuery(
                    "select l from DistributionList l where l.address = :a", DistributionList.class)
                .setParameter("a", MailAddresses.normalize(listAddress))
                .getResultStream()
                .findFirst()
                .orElse(null);
    if (list == null || !(list.isOwnedBy(caller()) || context.isCallerInRole(Roles.HELPDESK))) {
      throw new NotFoundException(
          "distributionList.notFound", MailAddresses.normalize(listAddress));
    }
    return list;
  }

  private Account caller() {
    return accounts.of(context.getCallerPrincipal());
  }

  private String actor() {
    return context.getCallerPrincipal().getName();
  }
}
