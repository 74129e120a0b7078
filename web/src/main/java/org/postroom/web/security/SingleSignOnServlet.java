package org.postroom.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import org.postroom.service.security.CredentialService;
import org.postroom.service.security.ProviderSignIn;

/**
 * The two ends of a sign-in with the identity provider: leaving for it ({@code /session/sso}) and
 * coming back ({@code /session/sso/return}). A person the provider vouched for signs in as their
 * Postroom account; one Postroom has no account for, or whose account is closed, sees a page that
 * says so, and nothing is created.
 */
@WebServlet(urlPatterns = {SingleSignOnServlet.START, SingleSignOn.RETURN_PATH})
public class SingleSignOnServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SingleSignOnServlet.class.getName());

  static final String START = "/session/sso";
  static final String REFUSED_PAGE = "/signin-refused.xhtml";

  @Inject SingleSignOn sso;
  @Inject CredentialService credentials;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!sso.isOffered()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    try {
      if (START.equals(request.getServletPath())) {
        response.sendRedirect(sso.start(request).toString());
      } else {
        signIn(request, response, sso.finish(request));
      }
    } catch (SingleSignOn.Failed failed) {
      LOG.warning(() -> "Sign-in with the identity provider failed: " + failed.getMessage());
      response.sendRedirect(
          request.getContextPath()
              + PortalAuthenticationMechanism.LOGIN_PAGE
              + (failed.isUnreachable() ? "?sso=unavailable" : "?sso=failed"));
    }
  }

  private void signIn(
      HttpServletRequest request, HttpServletResponse response, SingleSignOn.Vouched vouched)
      throws IOException {
    ProviderSignIn answer = credentials.signInVouchedFor(vouched.claim(), sso.matchesRegistryId());
    request.changeSessionId(); // no session fixation: a new id once the provider has answered
    HttpSession session = request.getSession();
    // kept whatever the answer, so that logging out ends the provider's session too
    session.setAttribute(SingleSignOn.ID_TOKEN, vouched.idToken());
    if (answer.outcome() != ProviderSignIn.Outcome.SIGNED_IN) {
      LOG.info(
          () ->
              "Sign-in with the identity provider refused ("
                  + answer.outcome()
                  + ") for claim "
                  + vouched.claim()
                  + " from "
                  + request.getRemoteAddr());
      response.sendRedirect(
          request.getContextPath()
              + REFUSED_PAGE
              + "?reason="
              + (answer.outcome() == ProviderSignIn.Outcome.UNKNOWN ? "unknown" : "closed"));
      return;
    }
    LOG.info(
        () ->
            "Signed in with the identity provider: "
                + answer.username()
                + " from "
                + request.getRemoteAddr());
    response.sendRedirect(
        request.getContextPath()
            + PortalAuthenticationMechanism.signedIn(session, answer.username()));
  }
}
