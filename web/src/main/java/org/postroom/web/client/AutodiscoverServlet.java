package org.postroom.web.client;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.postroom.domain.common.MailAddresses;
import org.postroom.service.client.ClientAutoconfig;
import org.postroom.service.client.ClientSetup;

/**
 * Outlook's Autodiscover on the domain's {@code autodiscover.} host: the plain-old-XML request
 * ({@code POST /autodiscover/autodiscover.xml}, both spellings Outlook uses) answered with the
 * server's endpoints. Public: 400 for what is no request or no address, 404 for a domain Postroom
 * does not serve. The JSON form of newer Outlooks, {@code GET
 * /autodiscover/autodiscover.json/v1.0/<address>?Protocol=AutodiscoverV1}, points to the XML one.
 */
@WebServlet(
    urlPatterns = {
      "/autodiscover/autodiscover.xml",
      "/Autodiscover/Autodiscover.xml",
      "/autodiscover/autodiscover.json/*",
      "/Autodiscover/Autodiscover.json/*"
    })
public class AutodiscoverServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject ClientAutoconfig clients;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getServletPath().endsWith(".json")) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(OutlookAutodiscover.REQUEST_MAX + 1);
    }
    String address;
    try {
      if (body.length > OutlookAutodiscover.REQUEST_MAX) {
        throw new IllegalArgumentException("too large");
      }
      address = MailAddresses.normalize(OutlookAutodiscover.requestedAddress(body));
    } catch (IllegalArgumentException notARequest) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not an Autodiscover request");
      return;
    }
    if (!MailAddresses.isWellFormed(address)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "EMailAddress is no mail address");
      return;
    }
    Optional<ClientSetup> setup = clients.forAddress(address);
    if (setup.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such mail domain here");
      return;
    }
    write(response, "application/xml", OutlookAutodiscover.xml(setup.get(), address));
  }

  /** The JSON form: where the XML Autodiscover of an address is. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.getServletPath().endsWith(".json")) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    String address = MailAddresses.normalize(path.replaceFirst("^/v1\\.0/", ""));
    if (!path.startsWith("/v1.0/") || !MailAddresses.isWellFormed(address)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "no mail address");
      return;
    }
    if (!"AutodiscoverV1".equalsIgnoreCase(request.getParameter("Protocol"))) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      write(
          response,
          "application/json",
          "{\"ErrorCode\":\"InvalidProtocol\",\"ErrorMessage\":\"Only AutodiscoverV1 is served"
              + " here\"}");
      return;
    }
    if (clients.forAddress(address).isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such mail domain here");
      return;
    }
    String url =
        request.getScheme()
            + "://"
            + hostOf(request)
            + request.getContextPath()
            + "/autodiscover/autodiscover.xml";
    write(
        response,
        "application/json",
        "{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"" + url.replace("\"", "%22") + "\"}");
  }

  /** The host the program asked, as a host name and port only (nothing else of the header). */
  private static String hostOf(HttpServletRequest request) {
    String host = request.getServerName();
    int port = request.getServerPort();
    boolean standard =
        port == 80 && "http".equals(request.getScheme())
            || port == 443 && "https".equals(request.getScheme());
    return host.replaceAll("[^A-Za-z0-9.\\-\\[\\]:]", "") + (standard ? "" : ":" + port);
  }

  private static void write(HttpServletResponse response, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    response.setContentType(type + ";charset=UTF-8");
    response.setHeader("Cache-Control", AutoconfigServlet.CACHE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
