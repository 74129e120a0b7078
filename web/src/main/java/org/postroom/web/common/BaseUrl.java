package org.postroom.web.common;

import jakarta.servlet.http.HttpServletRequest;
import org.postroom.service.common.Settings;

/**
 * Postroom's own address, for links that leave the browser (mails, the identity provider's return
 * address): {@code POSTROOM_BASE_URL} when set (behind a proxy, where the request's host is the
 * proxy's view), else as the request reached Postroom. Never ends with a slash.
 */
public final class BaseUrl {

  private BaseUrl() {}

  public static String of(HttpServletRequest request) {
    String base =
        Settings.get("postroom.base.url")
            .orElseGet(
                () ->
                    request.getScheme()
                        + "://"
                        + request.getServerName()
                        + ":"
                        + request.getServerPort()
                        + request.getContextPath());
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
