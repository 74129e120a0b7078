package org.postroom.web.health;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.postroom.service.common.Settings;

/**
 * The node's status for balancers and monitoring, never with a session (a check a second must not
 * leave a session a second behind):
 *
 * <ul>
 *   <li>{@code GET /status/ready}: 200 when the node can serve people (also when it is degraded:
 *       the mail server away), 503 when not; a JSON body says what was found. While WildFly
 *       suspends or has not deployed Postroom, the request never gets here and the answer is 503 or
 *       404 all the same. The balancer (scripts/cluster) checks this.
 *   <li>{@code GET /status/metrics}: the figures in Prometheus' text format, to loopback and to the
 *       addresses {@code POSTROOM_METRICS_FROM} names (a regular expression on the peer's address),
 *       else 403.
 * </ul>
 */
@WebServlet(urlPatterns = {StatusServlet.READY, StatusServlet.METRICS})
public class StatusServlet extends HttpServlet {

  static final String READY = "/status/ready";
  static final String METRICS = "/status/metrics";

  @Inject PortalStatus status;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (READY.equals(request.getServletPath())) {
      PortalStatus.Readiness found = status.readiness();
      response.setStatus(found.ready() ? 200 : 503);
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("status", found.ready() ? "UP" : "DOWN")
                  .add("state", found.state())
                  .add("database", found.database())
                  .add("mail-server", found.mailServer())
                  .build()
                  .toString());
      return;
    }
    if (!mayReadMetrics(request.getRemoteAddr())) {
      response.sendError(403);
      return;
    }
    response.setContentType("text/plain; version=0.0.4");
    response.getWriter().write(status.metrics());
  }

  static boolean mayReadMetrics(String address) {
    try {
      if (InetAddress.getByName(address).isLoopbackAddress()) {
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    return Settings.get("postroom.metrics.from")
        .map(from -> Pattern.compile(from).matcher(address).matches())
        .orElse(false);
  }
}
