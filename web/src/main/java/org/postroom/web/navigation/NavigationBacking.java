package org.postroom.web.navigation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.postroom.domain.account.Roles;
import org.postroom.service.account.AccountService;
import org.postroom.service.account.AddressChoiceService;
import org.postroom.service.alumni.AlumniOffer;
import org.postroom.service.alumni.AlumniService;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * The menu of every page, grouped by what people do (my mail, requests, helpdesk, administration):
 * who is signed in, which pages they are offered, and which group and page are the current ones.
 * Each answer is asked of the services once per request, and only when a page shows it.
 */
@Named("menu")
@RequestScoped
public class NavigationBacking {

  /** The groups and the pages (view ids without ".xhtml") each holds, for marking the current. */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "mail",
          List.of("/mailbox", "/filters", "/setup", "/account/password", "/alumni", "/address"),
          "requests",
          List.of("/requests/mine", "/requests/new", "/requests/view"),
          "helpdesk",
          List.of("/helpdesk/"),
          "admin",
          List.of("/admin/", "/domain-admin/"));

  @Inject FacesContext faces;
  @Inject AccountService accounts;
  @Inject AlumniService alumni;
  @Inject AddressChoiceService addressChoice;
  @Inject SharedMailboxRequestService requests;

  private String name;
  private AlumniOffer alumniOffer;
  private Boolean requestsOpen;
  private Boolean addressToChoose;

  public boolean isSignedIn() {
    return faces.getExternalContext().getUserPrincipal() != null;
  }

  /** The signed-in person's name, not their username. */
  public String getName() {
    if (name == null && isSignedIn()) {
      name = accounts.callerName();
    }
    return name;
  }

  /** Whether the caller may order an alumni address, or holds one: else the page is not offered. */
  public boolean isAlumniOffered() {
    if (!isSignedIn()) {
      return false;
    }
    if (alumniOffer == null) {
      alumniOffer = alumni.offer();
    }
    return alumniOffer.eligible() || alumniOffer.ordered();
  }

  /** Whether the caller is staff of an institution that takes shared-mailbox requests. */
  public boolean isRequestsOpen() {
    if (!faces.getExternalContext().isUserInRole(Roles.STAFF)) {
      return false;
    }
    if (requestsOpen == null) {
      requestsOpen = !requests.domainsOpenForRequests().isEmpty();
    }
    return requestsOpen;
  }

  /** Whether the caller still has to choose their address (where the domain lets them). */
  public boolean isAddressToChoose() {
    if (!isSignedIn()) {
      return false;
    }
    if (addressToChoose == null) {
      addressToChoose = addressChoice.choice().open();
    }
    return addressToChoose;
  }

  /**
   * {@code aria-current} of the menu's link to {@code page} (a view id without ".xhtml", e.g.
   * "/mailbox"): "page" for the page shown.
   */
  public String ariaCurrent(String page) {
    return (page + ".xhtml").equals(viewId()) ? "page" : "false";
  }

  /** Whether the page shown belongs to {@code group}. */
  public boolean currentGroup(String group) {
    String view = viewId();
    return GROUPS.getOrDefault(group, List.of()).stream()
        .anyMatch(
            page -> page.endsWith("/") ? view.startsWith(page) : view.equals(page + ".xhtml"));
  }

  /**
   * Where the language switch returns to: the address the person asked for (also on an error page,
   * whose view is not that address), path and query, within Postroom.
   */
  public String getHere() {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (failed != null) {
      return failed.toString();
    }
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
    String query =
        (String)
            (forwarded != null
                ? request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString());
    return query == null ? path : path + "?" + query;
  }

  private String viewId() {
    return faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
  }
}
