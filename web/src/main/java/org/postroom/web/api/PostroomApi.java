package org.postroom.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Postroom's REST API for other systems, under /api; callers authenticate with HTTP Basic. */
@ApplicationPath("api")
public class PostroomApi extends Application {}
