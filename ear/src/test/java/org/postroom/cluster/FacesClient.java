package org.postroom.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser without the browser: a session cookie, Faces pages fetched and their forms
 * posted back with the page's view state, redirects followed by hand (so that the caller sees where
 * a post led). What a simulated user of the failover test does.
 */
final class FacesClient {

  /** PrimeFaces' CSP nonce of the view, which its script adds to every post of the page. */
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** A page as the person saw it: status, where it ended up, and its text. */
  record Page(int status, String path, String body) {
    boolean isLogin() {
      return path.startsWith("/login.xhtml");
    }

    /** Faces said the view was gone (a session lost with its node). */
    boolean viewExpired() {
      return body.contains("id=\"expired\"");
    }

    /** Served as the person expects: 200, logged in, not an error page. */
    boolean fine() {
      return status == 200 && !isLogin() && !viewExpired() && !body.contains("id=\"unexpected\"");
    }

    String viewState() {
      Matcher m = VIEW_STATE.matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("No view state on " + path + " (" + status + ")");
      }
      return m.group(1).replace("&#58;", ":");
    }
  }

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  FacesClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            // as a browser: HTTP/1.1 (java.net.http would upgrade to h2c, one tunnel to one node)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The node the session cookie names (the route WildFly appends), if there is a session. */
  Optional<String> route() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .filter(v -> v.contains("."))
        .map(v -> v.substring(v.lastIndexOf('.') + 1))
        .findFirst();
  }

  Page get(String path) throws IOException, InterruptedException {
    return follow(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
  }

  /**
   * Posts the form back as the browser would for a (non-ajax) press of {@code button}: the page's
   * view state, the form's marker, the fields; answers the raw response (not followed).
   */
  HttpResponse<String> post(Page page, String form, String button, Map<String, String> fields)
      throws IOException, InterruptedException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    all.putAll(fields);
    all.put(button, "");
    all.put("jakarta.faces.ViewState", page.viewState());
    Matcher nonce = NONCE.matcher(page.body());
    if (nonce.find()) {
      all.put("primefaces.nonce", nonce.group(1));
    }
    String body =
        all.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + page.path()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Follows a response's redirects (GETs) to the page they end on. */
  Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
    for (int hops = 0; hops < 5; hops++) {
      int status = response.statusCode();
      if (status < 300 || status >= 400) {
        return new Page(status, pathOf(response.uri()), response.body());
      }
      String location = response.headers().firstValue("Location").orElseThrow();
      URI next = response.uri().resolve(location);
      response = send(HttpRequest.newBuilder(next).GET());
    }
    throw new IOException("Too many redirects from " + response.uri());
  }

  /**
   * Submits University B's shared-mailbox request form (a page of it fetched before) for {@code
   * localPart}@univ-b.be with one member; true when Postroom acknowledged it (a redirect to the new
   * request), false when it answered otherwise.
   */
  boolean submitRequest(Page form, String localPart, String member)
      throws IOException, InterruptedException {
    HttpResponse<String> sent =
        post(
            form,
            "request",
            "request:submit",
            Map.of(
                "request:localPart",
                localPart,
                "request:domain_input",
                "univ-b.be",
                "request:purpose",
                "Cluster test",
                "request:members_hinput",
                member));
    return sent.statusCode() == 302
        && sent.headers().firstValue("Location").orElse("").contains("/requests/view.xhtml?id=");
  }

  void logIn(String username, String password) throws IOException, InterruptedException {
    Page login = get("/login.xhtml");
    Page after =
        follow(
            post(
                login,
                "login",
                "login:submit",
                Map.of("login:username", username, "login:password", password)));
    if (after.isLogin()) {
      throw new IllegalStateException(username + " could not log in");
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String pathOf(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
