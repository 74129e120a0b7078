package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;

/**
 * A mailbox's vacation reply for other systems, e.g. a staff scheduling system that knows who is on
 * leave: read ({@code GET}, 404 when there is none), set ({@code PUT
 * /api/mailboxes/{address}/vacation} with {@code subject}, {@code body}, {@code startsOn}, {@code
 * endsOn}, {@code intervalDays}) or switch off ({@code DELETE}). The same rules as the form on the
 * mailbox's page; the reply reaches the mail server through the outbox. 204 when done, 404 for an
 * unknown address, 400 with each broken rule.
 */
@Path("mailboxes/{address}/vacation")
@Produces(MediaType.APPLICATION_JSON)
public class VacationResource {

  @Inject VacationService vacations;

  @GET
  public Response read(@PathParam("address") String address) {
    return vacations
        .readByApi(address)
        .map(reply -> Response.ok(reply).build())
        .orElseGet(
            () -> Problem.of(Response.Status.NOT_FOUND, "This mailbox has no vacation reply."));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response set(@PathParam("address") String address, VacationForm reply) {
    if (reply == null) {
      return Problem.of(Response.Status.BAD_REQUEST, "Send the vacation reply as JSON.");
    }
    vacations.setByApi(address, reply);
    return Response.noContent().build();
  }

  @DELETE
  public Response clear(@PathParam("address") String address) {
    vacations.clearByApi(address);
    return Response.noContent().build();
  }
}
