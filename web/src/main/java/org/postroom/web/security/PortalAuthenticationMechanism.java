package org.postroom.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.api.ApiCaller;
import org.postroom.service.api.ApiTokenService;
import org.postroom.service.security.CredentialService;

/**
 * Form login with Postroom's own login page. Who opens a protected page without a session is sent
 * to the login page and, after logging in, back to that page. The session keeps only who logged in:
 * their roles are read anew on every request, so that a granted or revoked role holds at the next
 * click and a closed account's session ends at once. A Faces ajax request (a click on a page whose
 * session has expired) gets a redirect it understands instead of a bare 302, which ajax would
 * silently swallow; the login page then says that the session expired.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login.xhtml";

  /** Request attribute: whether the API token's scope covers the address called (a Boolean). */
  public static final String API_IN_SCOPE = "org.postroom.apiInScope";

  /** Session attribute: the page to return to after logging in (a path of this application). */
  static final String RETURN_TO = "org.postroom.returnTo";

  /** Session attribute: the username of who logged in on this session. */
  static final String SIGNED_IN = "org.postroom.signedIn";

  /** Session attribute: when they logged in (or last changed their password here), an Instant. */
  static final String SIGNED_IN_AT = "org.postroom.signedInAt";

  /** Session attribute: when the person signed in on this session (an Instant), never renewed. */
  static final String STARTED = "org.postroom.sessionStarted";

  /**
   * The longest a session lasts from its sign-in, however active it is: a browser left signed in on
   * a shared computer does not stay so for days. (Idle sessions end after 30 minutes, web.xml.)
   */
  static final Duration LIFETIME = Duration.ofHours(12);

  /** Whether a session that started then has outlived {@link #LIFETIME} now (or never said). */
  static boolean outlived(Object started, Instant now) {
    return !(started instanceof Instant since) || !now.isBefore(since.plus(LIFETIME));
  }

  /**
   * After the person changed their own password on this session: this session stands, while the
   * account's other sessions end at their next request.
   */
  public static void renew() {
    HttpSession session =
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
    if (session != null && session.getAttribute(SIGNED_IN) != null) {
      session.setAttribute(SIGNED_IN_AT, Instant.now());
    }
  }

  /**
   * Marks the session as signed in by this person (its id already renewed by the caller) and
   * returns the page to go to: the one that asked for the login, else the start page.
   */
  static String signedIn(HttpSession session, String username) {
    Instant now = Instant.now();
    session.setAttribute(SIGNED_IN, username);
    session.setAttribute(SIGNED_IN_AT, now);
    session.setAttribute(STARTED, now);
    Object returnTo = session.getAttribute(RETURN_TO);
    session.removeAttribute(RETURN_TO);
    return returnTo instanceof String path && path.startsWith("/") && !path.startsWith("//")
        ? path
        : "/index.xhtml";
  }

  private static boolean isPage(String path) {
    return path.endsWith(".xhtml") || path.endsWith("/") || path.endsWith(".csv");
  }

  @Inject IdentityStoreHandler identityStores;
  @Inject CredentialService credentials;
  @Inject ApiTokenService tokens;

  private static final Logger LOG = Logger.getLogger(PortalAuthenticationMechanism.class.getName());

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()) {
      Credential credential = context.getAuthParameters().getCredential();
      CredentialValidationResult result =
          credential == null
              ? CredentialValidationResult.INVALID_RESULT
              : identityStores.validate(credential);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        return AuthenticationStatus.SEND_FAILURE;
      }
      return context.notifyContainerAboutLogin(result);
    }
    if (isApi(request)) {
      return bearer(request, response, context);
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HttpSession session = request.getSession(false);
    Object signedIn = session == null ? null : session.getAttribute(SIGNED_IN);
    // a style sheet or an image needs nobody's roles
    if (signedIn instanceof String username && (context.isProtected() || isPage(path))) {
      Object at = session.getAttribute(SIGNED_IN_AT);
      Optional<Set<String>> roles =
          credentials.currentRoles(username, at instanceof Instant since ? since : Instant.EPOCH);
      if (roles.isPresent() && !outlived(session.getAttribute(STARTED), Instant.now())) {
        return context.notifyContainerAboutLogin(username, roles.get());
      }
      session.invalidate();
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    String query = request.getQueryString();
    if (isPage(path)) {
      // only a page is worth returning to: not the favicon or an image the browser asked for
      request
          .getSession()
          .setAttribute(RETURN_TO, path + (query == null || isAjax(request) ? "" : "?" + query));
    }
    String login = request.getContextPath() + LOGIN_PAGE + (expired ? "?expired=true" : "");
    try {
      if (isAjax(request)) {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .printf(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"%s\"/></partial-response>",
                login);
      } else {
        response.sendRedirect(login);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot send the login redirect", e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /**
   * Other systems call /api with an API token on every request ({@code Authorization: Bearer
   * pr_…}): no login page, no redirect, no session. A person's password (HTTP Basic) and a
   * browser's session cookie open nothing here, so that no other site can make an administrator's
   * browser call the API. A token outside its scope gets 403; a missing, unknown, revoked or
   * expired one 401.
   */
  private AuthenticationStatus bearer(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String apiPath = request.getRequestURI().substring(request.getContextPath().length() + 5);
      Optional<ApiCaller> caller = tokens.caller(header.substring(7).strip(), apiPath);
      if (caller.isPresent()) {
        LOG.info(
            () ->
                "API call by token "
                    + caller.get().tokenName()
                    + ": "
                    + request.getMethod()
                    + " /api/"
                    + apiPath
                    + (caller.get().inScope() ? "" : " (outside its scope: refused)")
                    + " from "
                    + request.getRemoteAddr());
        // the scope is checked by the API itself (ApiScopeFilter), which answers in JSON
        request.setAttribute(API_IN_SCOPE, caller.get().inScope());
        return context.notifyContainerAboutLogin(
            caller.get().principalName(), Set.of(Roles.USER, Roles.ADMIN));
      }
      LOG.info(
          () ->
              "API call with an unknown, revoked or expired token refused: "
                  + request.getMethod()
                  + " /api/"
                  + apiPath
                  + " from "
                  + request.getRemoteAddr());
    } else if (!context.isProtected()) {
      return context.doNothing();
    }
    response.setHeader("WWW-Authenticate", "Bearer realm=\"Postroom\"");
    return context.responseUnauthorized();
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static boolean isAjax(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }
}
