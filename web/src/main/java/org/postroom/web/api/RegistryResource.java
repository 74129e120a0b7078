package org.postroom.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;

/**
 * The registry feed: {@code POST /api/registry/people} with a JSON array of people (at most {@value
 * RegistryImportService#MAX_RECORDS}) creates, updates and closes them, idempotently by registry
 * id, and answers with the counts and the rejected records with their reasons.
 */
@Path("registry/people")
public class RegistryResource {

  @Inject RegistryImportService imports;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importPeople(List<RegistryRecord> records) {
    if (records == null || records.isEmpty()) {
      return Problem.of(Response.Status.BAD_REQUEST, "Send a JSON array of at least one person.");
    }
    if (records.size() > RegistryImportService.MAX_RECORDS) {
      return Problem.of(
          Response.Status.BAD_REQUEST,
          "Send at most " + RegistryImportService.MAX_RECORDS + " people per request.");
    }
    ImportReport report = imports.importRecords(records);
    return Response.ok(report).build();
  }
}
