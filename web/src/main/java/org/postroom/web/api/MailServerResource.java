package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.postroom.domain.provisioning.ReconcileRun;
import org.postroom.service.provisioning.OutboxSummary;
import org.postroom.service.provisioning.ProvisioningService;
import org.postroom.service.provisioning.ReconcileService;

/**
 * The mail server from the API (admin): the outbox's state and a connection check ({@code GET
 * /api/mail-server}), and reconcile: {@code POST /api/mail-server/reconciliations} starts a run
 * (202, its address in Location), {@code GET} on that address shows its progress and, once
 * finished, its report.
 */
@Path("mail-server")
@Produces(MediaType.APPLICATION_JSON)
public class MailServerResource {

  @Inject ProvisioningService provisioning;
  @Inject ReconcileService reconcile;

  /** For monitoring: the outbox's figures, and whether the mail server answers now. */
  @GET
  public OutboxSummary summary() {
    return provisioning.summary().checked(provisioning.checkConnection());
  }

  @POST
  @Path("reconciliations")
  public Response startReconcile(@Context UriInfo uri) {
    long id = reconcile.start();
    return Response.accepted(reconcile.find(id).orElseThrow())
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .build();
  }

  @GET
  @Path("reconciliations/{id}")
  public ReconcileRun reconciliation(@PathParam("id") long id) {
    return reconcile.find(id).orElseThrow(NotFoundException::new);
  }
}
