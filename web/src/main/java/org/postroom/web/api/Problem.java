package org.postroom.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API error as {@code application/problem+json} (RFC 9457): the HTTP status, a human-readable
 * detail and, for broken rules, each violation with its field, message key, arguments and text.
 */
final class Problem {

  static final MediaType TYPE = new MediaType("application", "problem+json");

  private Problem() {}

  static Response of(Response.Status status, String detail) {
    return of(status, detail, List.of());
  }

  static Response of(Response.Status status, String detail, List<Map<String, Object>> violations) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.getStatusCode());
    body.put("title", status.getReasonPhrase());
    body.put("detail", detail);
    if (!violations.isEmpty()) {
      body.put("violations", violations);
    }
    return Response.status(status).type(TYPE).entity(body).build();
  }
}
