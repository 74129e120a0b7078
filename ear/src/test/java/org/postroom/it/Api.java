package org.postroom.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the REST API as another system does: JSON over HTTP with an API token. */
public final class Api {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Api() {}

  public static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/api/" + path);
  }

  /**
   * A request with an API token: a demo token by name ({@code demo-all}, {@code demo-registry}),
   * whose secret is its name, a dot and the demo password; a secret itself ({@code pr_…}); or
   * {@code null} for none.
   */
  public static HttpRequest.Builder as(String token, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + secretOf(token));
    }
    return request;
  }

  /** The secret of a demo token, or the argument when it is a secret already. */
  public static String secretOf(String token) {
    return token.startsWith("pr_") ? token : token + "." + System.getProperty("it.demo.password");
  }

  /** A request with a person's username and password (HTTP Basic), which the API refuses. */
  public static HttpRequest.Builder withPassword(String user, String password, String path) {
    return HttpRequest.newBuilder(uri(path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> json(String method, String user, String path, String json)
      throws Exception {
    return send(
        as(user, path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }
}
