package org.postroom.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the REST API as another system does: JSON over HTTP, Basic authentication. */
public final class Api {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Api() {}

  public static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port") + "/api/" + path);
  }

  /** A request as a demo user ({@code null}: anonymous; "user:password": other credentials). */
  public static HttpRequest.Builder as(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (user != null) {
      String basic =
          user.contains(":") ? user : user + ":" + System.getProperty("it.demo.password");
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
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
