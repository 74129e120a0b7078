package org.postroom.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Form login with Postroom's own login page. Who opens a protected page without a session is sent
 * to the login page and, after logging in, back to that page. A Faces ajax request (a click on a
 * page whose session has expired) gets a redirect it understands instead of a bare 302, which ajax
 * would silently swallow; the login page then says that the session expired.
 */
@ApplicationScoped
@AutoApplySession
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String LOGIN_PAGE = "/login.xhtml";

  /** Session attribute: the page to return to after logging in (a path of this application). */
  static final String RETURN_TO = "org.postroom.returnTo";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()) {
      Credential credential = context.getAuthParameters().getCredential();
      CredentialValidationResult result =
          credential == null
              ? CredentialValidationResult.INVALID_RESULT
              : identityStores.validate(credential);
      return result.getStatus() == CredentialValidationResult.Status.VALID
          ? context.notifyContainerAboutLogin(result)
          : AuthenticationStatus.SEND_FAILURE;
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    String query = request.getQueryString();
    request
        .getSession()
        .setAttribute(
            RETURN_TO,
            request.getRequestURI().substring(request.getContextPath().length())
                + (query == null || isAjax(request) ? "" : "?" + query));
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

  private static boolean isAjax(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }
}
