package org.postroom.web.navigation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.postroom.service.navigation.Menu;
import org.postroom.service.navigation.MenuService;

/**
 * The menu of every page, grouped by what people do (my mail, requests, helpdesk, administration):
 * who is signed in, which pages they are offered, and which group and page are the current ones.
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
          List.of(
              "/requests/mine",
              "/requests/new",
              "/requests/new-list",
              "/requests/change-members",
              "/requests/view",
              "/lists/mine",
              "/lists/members"),
          "helpdesk",
          List.of("/helpdesk/"),
          "admin",
          List.of("/admin/", "/domain-admin/"));

  @Inject FacesContext faces;
  @Inject MenuService menus;

  private Menu menu;

  public boolean isSignedIn() {
    return faces.getExternalContext().getUserPrincipal() != null;
  }

  /** One service call per request, and none for a page without a signed-in person. */
  private Menu menu() {
    if (menu == null) {
      menu = isSignedIn() ? menus.menu() : new Menu(null, false, false, false, false);
    }
    return menu;
  }

  /** The signed-in person's name, not their username. */
  public String getName() {
    return menu().name();
  }

  /** Whether the caller may order an alumni address, or holds one: else the page is not offered. */
  public boolean isAlumniOffered() {
    return menu().alumniOffered();
  }

  /** Whether the caller is staff of an institution that takes shared-mailbox requests. */
  public boolean isRequestsOpen() {
    return menu().requestsOpen();
  }

  /** Whether the caller owns a distribution list: else "My lists" is not offered. */
  public boolean isOwnsLists() {
    return menu().ownsLists();
  }

  /** Whether the caller still has to choose their address (where the domain lets them). */
  public boolean isAddressToChoose() {
    return menu().addressToChoose();
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
