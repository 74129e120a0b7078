package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.postroom.service.lifecycle.AccountLifecycle;
import org.postroom.service.lifecycle.LifecycleReport;

/**
 * Runs today's account lifecycle now ({@code POST /api/accounts/lifecycle}), e.g. right after a
 * large registry import, instead of waiting for the night; answers what it did. Safe to repeat.
 */
@Path("accounts/lifecycle")
public class LifecycleResource {

  @Inject AccountLifecycle lifecycle;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public LifecycleReport runNow() {
    return lifecycle.run(LocalDate.now());
  }
}
