package org.postroom.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Postroom's REST API for other systems, under /api; callers authenticate with an API token that an
 * administrator made (Administration → API tokens). WildFly publishes its OpenAPI description at
 * {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Postroom API",
            version = "1",
            description =
                "For other systems: the registry feed and its imports, the accounts' lifecycle,"
                    + " domains and their policies, the mail server's reconcile and quota scan."
                    + " Every call carries an API token (Authorization: Bearer pr_...) whose scope"
                    + " covers the address; errors are application/problem+json."),
    security = @SecurityRequirement(name = "token"))
@SecurityScheme(
    securitySchemeName = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token made under Administration → API tokens")
public class PostroomApi extends Application {}
