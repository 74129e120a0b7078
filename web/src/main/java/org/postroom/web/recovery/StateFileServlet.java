package org.postroom.web.recovery;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.postroom.service.recovery.StateTransfer;

/**
 * Postroom's state file to download ({@code /admin/state.json.gz}), for administrators only (the
 * path's constraint, and the service's role). Streamed: a large institution's file is not held in
 * memory.
 */
@WebServlet("/admin/state.json.gz")
public class StateFileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject StateTransfer transfer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/gzip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"postroom-state-" + LocalDate.now(ZoneOffset.UTC) + ".json.gz\"");
    response.setHeader("Cache-Control", "no-store");
    try {
      transfer.export(response.getOutputStream());
    } catch (EJBAccessException notAllowed) {
      response.reset();
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }
}
