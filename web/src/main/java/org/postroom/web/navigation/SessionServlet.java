package org.postroom.web.navigation;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.incident.NoticeService;
import org.postroom.web.common.BaseUrl;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.security.SingleSignOn;

/**
 * Logging out, choosing the language and hiding a service notice, as plain form posts from every
 * page. They are not Faces actions, so that they work on every page, error pages included: there a
 * Faces form would post back to the address that failed and be answered by the error page again.
 */
@WebServlet(urlPatterns = {SessionServlet.LOGOUT, SessionServlet.LANGUAGE, SessionServlet.DISMISS})
public class SessionServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String LOGOUT = "/session/logout";
  static final String LANGUAGE = "/session/language";
  // behind the login (unlike /session/*): only a signed-in person has notices to hide
  static final String DISMISS = "/notices/dismiss";

  private static final Logger LOG = Logger.getLogger(SessionServlet.class.getName());

  @Inject LocaleBacking locale;
  @Inject SingleSignOn sso;
  @Inject NoticeService notices;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (LOGOUT.equals(request.getServletPath())) {
      logout(request, response);
    } else if (DISMISS.equals(request.getServletPath())) {
      dismiss(request);
      response.sendRedirect(within(request.getContextPath(), request.getParameter("back")));
    } else {
      locale.choose(request.getParameter("language"));
      response.sendRedirect(within(request.getContextPath(), request.getParameter("back")));
    }
  }

  /** Only posts change anything: a link or an image elsewhere cannot log anyone out. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
  }

  /** Hides a notice for the person signed in; an outage, or an unknown notice, stays as it is. */
  private void dismiss(HttpServletRequest request) {
    if (request.getRemoteUser() == null) {
      return;
    }
    try {
      notices.dismiss(Long.parseLong(request.getParameter("notice")));
    } catch (NumberFormatException | RuleViolationException refused) {
      LOG.fine(() -> "Notice not hidden for " + request.getRemoteUser() + ": " + refused);
    }
  }

  /**
   * Ends Postroom's session and, when it was opened by the identity provider, the provider's
   * session too (RP-initiated logout), which then sends the browser back to the login page.
   */
  private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      request.logout();
    } catch (ServletException e) {
      // the session is invalidated below in any case
    }
    HttpSession session = request.getSession(false);
    Object idToken = null;
    if (session != null) {
      idToken = session.getAttribute(SingleSignOn.ID_TOKEN);
      session.invalidate();
    }
    String loggedOut = "/login.xhtml?loggedOut=true";
    response.sendRedirect(
        sso.endSession(idToken, URI.create(BaseUrl.of(request) + loggedOut))
            .map(URI::toString)
            .orElse(request.getContextPath() + loggedOut));
  }

  /**
   * {@code back} when it is an address within Postroom (path and query), else the start page: the
   * switch never sends anyone to another site.
   */
  static String within(String contextPath, String back) {
    String root = contextPath + "/";
    if (back == null
        || !back.startsWith(root)
        || back.startsWith("//")
        || back.contains("\\")
        || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return root;
    }
    return back;
  }
}
