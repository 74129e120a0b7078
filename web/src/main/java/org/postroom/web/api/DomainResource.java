package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;

/**
 * Mail domains and their policies for administrators' scripts: list ({@code GET /api/domains?q=
 * &first=&max=}), read ({@code GET /api/domains/{name}}), create ({@code POST /api/domains}) and
 * change ({@code PUT /api/domains/{name}} with the {@code version} that was read; a stale one is
 * 409). The JSON is the settings of the admin page, sizes in MB; broken rules answer 400 with each
 * violation at its field.
 */
@Path("domains")
@Produces(MediaType.APPLICATION_JSON)
public class DomainResource {

  @Inject DomainService domains;

  @GET
  public Response list(
      @QueryParam("q") String text,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    return Response.ok(
            Map.of("total", domains.count(text), "domains", domains.domains(text, first, max)))
        .build();
  }

  @GET
  @Path("{name}")
  public Response read(@PathParam("name") String name) {
    DomainSettings settings = domains.settings(name);
    return Response.ok(settings).tag(tag(settings)).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(DomainSettings wanted, @Context UriInfo uri) {
    if (wanted == null) {
      return Problem.of(Response.Status.BAD_REQUEST, "Send the domain's settings as JSON.");
    }
    DomainSettings created = domains.create(wanted);
    return Response.created(uri.getAbsolutePathBuilder().path(created.getName()).build())
        .entity(created)
        .tag(tag(created))
        .build();
  }

  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("name") String name, DomainSettings wanted) {
    if (wanted == null) {
      return Problem.of(Response.Status.BAD_REQUEST, "Send the domain's settings as JSON.");
    }
    DomainSettings now = domains.update(name, wanted);
    return Response.ok(now).tag(tag(now)).build();
  }

  private static EntityTag tag(DomainSettings settings) {
    return new EntityTag(String.valueOf(settings.getVersion()));
  }
}
