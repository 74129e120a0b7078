package org.postroom.web.client;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.client.ClientAutoconfig;
import org.postroom.service.client.ClientSetup;
import org.postroom.web.common.BaseUrl;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.common.Messages;

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
  @Inject LocaleBacking locale;

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
      byte[] profile =
          AppleProfile.plist(setup.get(), address, locale.localeOr(request.getLocale()))
              .getBytes(StandardCharsets.UTF_8);
      body = signer.map(s -> s.sign(profile)).orElse(profile);
      response.setContentType("application/x-apple-aspen-config");
      response.setHeader("Content-Disposition", "attachment; filename=\"mail.mobileconfig\"");
    } else {
      body =
          MozillaAutoconfig.xml(setup.get(), guideUrl(request, setup.get()), GUIDE_DESCRIPTIONS)
              .getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/xml;charset=UTF-8");
    }
    response.setHeader("Cache-Control", CACHE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The guide's description in every language Postroom speaks, for the documentation link. */
  static final Map<String, String> GUIDE_DESCRIPTIONS = guideDescriptions();

  private static Map<String, String> guideDescriptions() {
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (String language : MailDomain.LANGUAGES) {
      descriptions.put(
          language, Messages.format(Locale.forLanguageTag(language), "guide.autoconfig"));
    }
    return java.util.Collections.unmodifiableMap(descriptions);
  }

  /** The domain's public guide on the portal that answered (its autoconfig host included). */
  static String guideUrl(HttpServletRequest request, ClientSetup setup) {
    return BaseUrl.of(request)
        + "/help/guide.xhtml?domain="
        + URLEncoder.encode(setup.domain(), StandardCharsets.UTF_8);
  }
}
