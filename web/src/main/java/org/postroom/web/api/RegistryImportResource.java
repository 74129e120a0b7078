package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.postroom.service.directory.RegistryImportJobs;

/**
 * Long registry imports for scripts: {@code POST /api/registry/imports} with the registry file as
 * {@code text/csv} queues a batch job and answers 202 with its {@code Location}; {@code GET} there
 * follows it (state, progress, counts); {@code …/rejected?first=&max=} lists the rejected lines.
 */
@Path("registry/imports")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryImportResource {

  @Inject RegistryImportJobs jobs;

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public Response start(
      byte[] content,
      @HeaderParam("X-File-Name") @DefaultValue("registry.csv") String fileName,
      @Context UriInfo uri) {
    long id = jobs.start(fileName, content);
    return Response.accepted(jobs.status(id))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .build();
  }

  @GET
  @Path("{id}")
  public Response status(@PathParam("id") long id) {
    return Response.ok(jobs.status(id)).build();
  }

  @GET
  @Path("{id}/rejected")
  public Response rejected(
      @PathParam("id") long id,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("1000") int max) {
    return Response.ok(Map.of("rejected", jobs.rejections(id, first, max))).build();
  }
}
