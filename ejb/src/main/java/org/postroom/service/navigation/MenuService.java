package org.postroom.service.navigation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.Roles;
import org.postroom.service.account.Accounts;
import org.postroom.service.account.AddressChoiceService;
import org.postroom.service.address.ListOwners;
import org.postroom.service.alumni.AlumniOffer;
import org.postroom.service.alumni.AlumniService;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * The menu's facts about the caller in one call per page, the caller read once: the pages are
 * offered only to those who can use them (an alumni address, choosing one's address, the request
 * form, the lists one owns).
 */
@Stateless
@RolesAllowed(Roles.USER)
public class MenuService {

  @Resource SessionContext context;
  @Inject Accounts accounts;
  @Inject AlumniService alumni;
  @Inject AddressChoiceService addressChoice;
  @Inject SharedMailboxRequestService requests;
  @Inject ListOwners lists;

  public Menu menu() {
    Account caller = accounts.of(context.getCallerPrincipal());
    AlumniOffer offer = alumni.offerFor(caller);
    return new Menu(
        caller.getDisplayName(),
        offer.eligible() || offer.ordered(),
        addressChoice.toChoose(caller),
        context.isCallerInRole(Roles.STAFF) && requests.takesRequestsFrom(caller),
        lists.ownsAny());
  }
}
