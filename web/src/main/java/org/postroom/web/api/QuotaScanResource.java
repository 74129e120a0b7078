package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.postroom.service.quota.QuotaScan;
import org.postroom.service.quota.QuotaScanReport;

/**
 * Reads every mailbox's quota usage from the mail server now ({@code POST
 * /api/mailboxes/quota-scan}, admin), instead of waiting for the quarter-hourly scan; answers the
 * counts. Safe to repeat.
 */
@Path("mailboxes/quota-scan")
public class QuotaScanResource {

  @Inject QuotaScan scan;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public QuotaScanReport runNow() {
    return scan.scan();
  }
}
