package org.postroom.web.settings;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.settings.SettingsFile;
import org.postroom.service.settings.SettingsTransfer;

/**
 * A person's settings file ({@code /settings/settings.json}) and Sieve script ({@code
 * /settings/postroom.sieve}) to download; the helpdesk's for an account with {@code ?username=}
 * (the service checks the role and audits it). Behind the login like every page.
 */
@WebServlet({"/settings/settings.json", "/settings/postroom.sieve"})
public class SettingsFileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject SettingsTransfer transfer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String username = request.getParameter("username");
    boolean sieve = request.getServletPath().endsWith(".sieve");
    String body;
    String name;
    try {
      if (sieve) {
        body = username == null ? transfer.sieveOwn() : transfer.sieveFor(username);
        name = "postroom.sieve";
      } else {
        SettingsFile file = username == null ? transfer.exportOwn() : transfer.exportFor(username);
        body = SettingsJson.write(file);
        name = "postroom-settings-" + file.mailbox().replaceAll("[^A-Za-z0-9._@-]", "_") + ".json";
      }
    } catch (EJBAccessException notAllowed) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    } catch (RuleViolationException none) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType((sieve ? "application/sieve" : "application/json") + "; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
