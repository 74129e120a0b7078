package org.postroom.web.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.postroom.web.security.PortalAuthenticationMechanism;

/**
 * Refuses a call whose API token is valid but whose scope does not cover the address: 403, as the
 * API's other refusals, in {@code application/problem+json}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiScopeFilter implements ContainerRequestFilter {

  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext call) {
    if (!Boolean.TRUE.equals(request.getAttribute(PortalAuthenticationMechanism.API_IN_SCOPE))) {
      call.abortWith(
          Problem.of(Response.Status.FORBIDDEN, "This token's scope does not cover this address."));
    }
  }
}
