package org.postroom.web.client;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.postroom.domain.common.MailAddresses;
import org.postroom.service.client.ClientAutoconfig;
import org.postroom.service.client.ClientSetup;

/**
 * Thunderbird's (and other programs') autoconfiguration, at the two places they look on the
 * domain's {@code autoconfig.} host: {@code /mail/config-v1.1.xml?emailaddress=…} and {@code
 * /.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=…}; and Apple's configuration profile
 * at {@code /mail/apple.mobileconfig?emailaddress=…}. Public: 400 for what is no mail address, 404
 * for a domain Postroom does not serve (or has no server described), else the file, cacheable for
 * an hour.
 */
@WebServlet(
    urlPatterns = {
      "/mail/config-v1.1.xml",
      "/.well-known/autoconfig/mail/config-v1.1.xml",
      AutoconfigServlet.APPLE
    })
public class AutoconfigServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String CACHE = "public, max-age=3600";

  /** Apple's configuration profile for an address, signed when a certificate is configured. */
  static final String APPLE = "/mail/apple.mobileconfig";

  private transient Optional<ProfileSigner> signer;

  @Override
  public void init() {
    signer = ProfileSigner.configured();
  }

  @Inject ClientAutoconfig clients;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String address = MailAddresses.normalize(request.getParameter("emailaddress"));
    if (!MailAddresses.isWellFormed(address)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "emailaddress is no mail address");
      return;
    }
    Optional<ClientSetup> setup = clients.forAddress(address);
    if (setup.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such mail domain here");
      return;
    }
    byte[] body;
    if (APPLE.equals(request.getServletPath())) {
      byte[] profile = AppleProfile.plist(setup.get(), address).getBytes(StandardCharsets.UTF_8);
      body = signer.map(s -> s.sign(profile)).orElse(profile);
      response.setContentType("application/x-apple-aspen-config");
      response.setHeader("Content-Disposition", "attachment; filename=\"mail.mobileconfig\"");
    } else {
      body = MozillaAutoconfig.xml(setup.get()).getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/xml;charset=UTF-8");
    }
    response.setHeader("Cache-Control", CACHE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
