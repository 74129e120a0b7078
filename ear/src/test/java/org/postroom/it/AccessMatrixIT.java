package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.api.ApiScope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Who gets what: every page, every servlet and every API endpoint of the application as built,
 * tried by each kind of person, with the expectation taken from the application's own configuration
 * (the WAR's {@code web.xml} security constraints, its {@code @WebServlet} and JAX-RS annotations,
 * the API tokens' scopes). A page added tomorrow is tried without editing this test.
 *
 * <ul>
 *   <li>Pages: anonymous is sent to the login page; a signed-in person without the role gets 404,
 *       as if the page did not exist; with it, the page.
 *   <li>API: no token 401; a token whose scope does not cover the address 403; else not refused.
 *   <li>Object probes: another person's request, a mailbox of another domain.
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String BASE =
      "http://127.0.0.1:" + System.getProperty("it.http.port", "18080") + "/";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** Who tries, with the roles the demo gives them; no username: nobody signed in. */
  record Identity(String username, Set<String> roles) {

    boolean anonymous() {
      return username == null;
    }

    String label() {
      return anonymous() ? "anonymous" : username;
    }
  }

  static final List<Identity> IDENTITIES =
      List.of(
          new Identity(null, Set.of()),
          new Identity("student", Set.of("user")),
          new Identity("alumnus", Set.of("user")),
          new Identity("staff", Set.of("user", "staff")),
          new Identity("helpdesk", Set.of("user", "staff", "helpdesk")),
          new Identity("webmaster", Set.of("user", "staff", "domain-admin")),
          new Identity("admin", Set.of("user", "staff", "helpdesk", "admin")));

  /**
   * What a page that shows one thing needs to show one of the demo's; without it, it answers 404 to
   * everyone. A new page of this kind fails here until it is given one.
   */
  static final Map<String, String> PROBES =
      Map.of(
          "admin/domain.xhtml", "name=univ-b.be",
          "admin/client-settings.xhtml", "domain=univ-b.be",
          "domain-admin/mailbox.xhtml", "address=mia.jansen%40member-e.example",
          "helpdesk/account.xhtml", "username=student",
          "password/reset.xhtml", "token=none");

  /** Pages whose reader is decided per object, tried by the object probes instead. */
  static final Set<String> OBJECT_PAGES = Set.of("requests/view.xhtml", "lists/members.xhtml");

  /** A security constraint of web.xml: its URL patterns, and the roles it allows (null: public). */
  record Constraint(List<String> patterns, Set<String> roles) {}

  /** What a path needs: public, or one of the roles. */
  record Access(boolean open, Set<String> roles) {

    boolean allows(Identity who) {
      return open || who.roles().stream().anyMatch(roles::contains);
    }
  }

  private static WebArchive war() {
    return Deployments.ear().getAsType(WebArchive.class, "postroom-web.war");
  }

  private static List<Constraint> constraints(WebArchive war) throws Exception {
    Document webXml;
    try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
      webXml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    List<Constraint> constraints = new ArrayList<>();
    NodeList found = webXml.getElementsByTagName("security-constraint");
    for (int i = 0; i < found.getLength(); i++) {
      Element constraint = (Element) found.item(i);
      List<String> patterns = texts(constraint, "url-pattern");
      NodeList auth = constraint.getElementsByTagName("auth-constraint");
      Set<String> roles =
          auth.getLength() == 0 ? null : new TreeSet<>(texts((Element) auth.item(0), "role-name"));
      constraints.add(new Constraint(patterns, roles));
    }
    return constraints;
  }

  private static List<String> texts(Element parent, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  /**
   * What a path needs, as the servlet specification matches constraints: the exact pattern, else
   * the longest path prefix; constraints with the same best pattern combine.
   */
  static Access access(List<Constraint> constraints, String path) {
    String best = null;
    for (Constraint constraint : constraints) {
      for (String pattern : constraint.patterns()) {
        if (matches(pattern, path) && better(pattern, best)) {
          best = pattern;
        }
      }
    }
    if (best == null) {
      return new Access(true, Set.of());
    }
    boolean open = false;
    Set<String> roles = new TreeSet<>();
    for (Constraint constraint : constraints) {
      if (constraint.patterns().contains(best)) {
        if (constraint.roles() == null) {
          open = true;
        } else {
          roles.addAll(constraint.roles());
        }
      }
    }
    return new Access(open, roles);
  }

  private static boolean matches(String pattern, String path) {
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      return path.equals(prefix) || path.startsWith(prefix + "/");
    }
    if (pattern.startsWith("*.")) {
      return path.endsWith(pattern.substring(1));
    }
    return path.equals(pattern);
  }

  private static boolean better(String pattern, String best) {
    if (best == null) {
      return true;
    }
    int rank = rank(pattern);
    int bestRank = rank(best);
    return rank > bestRank || (rank == bestRank && pattern.length() > best.length());
  }

  /** Exact beats a path prefix, which beats an extension. */
  private static int rank(String pattern) {
    return pattern.endsWith("/*") ? 1 : pattern.startsWith("*.") ? 0 : 2;
  }

  /** The signed-in session of each person, by logging in through the login page once. */
  private static Map<Identity, String> sessions() {
    Map<Identity, String> sessions = new LinkedHashMap<>();
    for (Identity who : IDENTITIES) {
      if (who.anonymous()) {
        sessions.put(who, null);
        continue;
      }
      try (Browser browser = new Browser()) {
        browser.login(who.username(), PASSWORD);
        sessions.put(who, browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
      }
    }
    return sessions;
  }

  private static HttpResponse<String> get(String path, String session) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What a person gets for a path: the page, the login page, or nothing (404). */
  private static String outcome(HttpResponse<String> response) {
    int status = response.statusCode();
    String location = response.headers().firstValue("Location").orElse("");
    if ((status == 302 || status == 303) && location.contains("login.xhtml")) {
      return "login";
    }
    return status == 200 || status == 302 || status == 303 ? "page" : String.valueOf(status);
  }

  /**
   * A servlet asked without its parameters may answer 400 or 405 (or, where it is public, send one
   * to the login page, as the sign-in return does), but never serve someone its constraints refuse,
   * never fail (5xx), and never refuse (401, 403) someone they allow.
   */
  private static boolean servletAnswers(Access access, Identity who, String got, String want) {
    if (!want.equals("page")) {
      return got.equals(want);
    }
    boolean refused = got.equals("401") || got.equals("403") || got.startsWith("5");
    return !refused && (access.open() || !got.equals("login"));
  }

  private static String expected(Access access, Identity who) {
    if (access.open()) {
      return "page";
    }
    if (who.anonymous()) {
      return "login";
    }
    return access.allows(who) ? "page" : "404";
  }

  @Test
  void everyPageAndServletAnswersOnlyThoseItsConstraintsAllow() throws Exception {
    WebArchive war = war();
    List<Constraint> constraints = constraints(war);
    List<String> paths = new ArrayList<>();
    war.getContent()
        .keySet()
        .forEach(
            p -> {
              String path = p.get().substring(1);
              if (path.endsWith(".xhtml")
                  && !path.startsWith("WEB-INF/")
                  && !path.startsWith("resources/")
                  && !OBJECT_PAGES.contains(path)) {
                paths.add(path);
              }
            });
    paths.sort(String::compareTo);
    // then the servlets, those of the session (logging out, the language) last: a GET there must
    // not end the session the later rows are tried with
    List<String> servlets = new ArrayList<>();
    for (String servlet : servletPaths(war)) {
      servlets.add(servlet.substring(1).replace("*", "x"));
    }
    servlets.sort((a, b) -> (a.startsWith("session/") + a).compareTo(b.startsWith("session/") + b));
    paths.addAll(servlets);
    assertTrue(paths.size() > 25, "the pages and servlets were found: " + paths);

    Map<Identity, String> sessions = sessions();
    List<String> wrong = new ArrayList<>();
    StringBuilder matrix = new StringBuilder(String.format("%-42s", "path"));
    IDENTITIES.forEach(who -> matrix.append(String.format(" %-9s", who.label())));
    matrix.append('\n');
    int cells = 0;
    for (String path : paths) {
      Access access = access(constraints, "/" + path);
      String query = PROBES.containsKey(path) ? "?" + PROBES.get(path) : "";
      matrix.append(String.format("%-42s", path));
      for (Identity who : IDENTITIES) {
        String got = outcome(get(path + query, sessions.get(who)));
        String want = expected(access, who);
        boolean right =
            path.endsWith(".xhtml") ? got.equals(want) : servletAnswers(access, who, got, want);
        matrix.append(String.format(" %-9s", right ? got : got + "!"));
        cells++;
        if (!right) {
          wrong.add(who.label() + " " + path + ": " + got + ", expected " + want);
        }
      }
      matrix.append('\n');
    }
    report("pages", matrix, cells);
    assertEquals(List.of(), wrong, matrix.toString());
  }

  @Test
  void everyApiEndpointNeedsATokenWhoseScopeCoversIt() throws Exception {
    List<String[]> endpoints = apiEndpoints(war());
    assertTrue(endpoints.size() >= 8, "the endpoints were found");
    List<String> wrong = new ArrayList<>();
    StringBuilder matrix = new StringBuilder();
    int cells = 0;
    for (String[] endpoint : endpoints) {
      String method = endpoint[0];
      String path = endpoint[1].replaceAll("\\{[^}]+}", "999999");
      String apiPath = path.substring("api/".length());
      for (String token : new String[] {null, "demo-registry", "demo-all"}) {
        boolean covered =
            token == null ? false : token.equals("demo-all") || ApiScope.REGISTRY.covers(apiPath);
        // what changes something is tried only where it must be refused before it runs
        if (covered && !method.equals("GET")) {
          continue;
        }
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
          request.header("Authorization", "Bearer " + Api.secretOf(token));
        }
        int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        cells++;
        matrix.append(String.format("%-7s %-40s %-14s %d%n", method, path, token, status));
        boolean ok =
            token == null
                ? status == 401
                : covered ? status != 401 && status != 403 : status == 403;
        if (!ok) {
          wrong.add(method + " " + path + " with " + token + ": " + status);
        }
      }
    }
    report("api", matrix, cells);
    assertEquals(List.of(), wrong, matrix.toString());
  }

  @Test
  void nobodyReadsAnotherPersonsRequestOrAnotherDomainsMailbox() throws Exception {
    Map<Identity, String> sessions = sessions();
    String requestPath;
    try (Browser staff = new Browser()) {
      staff.login("staff", PASSWORD);
      staff.open("requests/new.xhtml");
      staff.type("#request\\:localPart", "m" + Long.toString(System.nanoTime() % 100_000_000L, 36));
      staff.type("#request\\:purpose", "A request only its requester and the helpdesk may read");
      staff.chooseMember("janssens", "staff2");
      staff.click("#request\\:submit");
      staff.find("#state");
      requestPath = staff.currentUrl().substring(staff.currentUrl().indexOf("requests/view"));
    }
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Identity who : IDENTITIES) {
      String got = outcome(get(requestPath, sessions.get(who)));
      String want =
          who.anonymous()
              ? "login"
              : who.username().equals("staff") || who.roles().contains("helpdesk") ? "page" : "404";
      if (!got.equals(want)) {
        wrong.put(who.label() + " " + requestPath, got + ", expected " + want);
      }
    }
    // the webmaster administers member-e.example: a mailbox of University B is not theirs to see
    Identity webmaster =
        IDENTITIES.stream().filter(i -> "webmaster".equals(i.username())).findFirst().get();
    String foreign = "domain-admin/mailbox.xhtml?address=staff%40univ-b.be";
    String got = outcome(get(foreign, sessions.get(webmaster)));
    if (!got.equals("404")) {
      wrong.put("webmaster " + foreign, got + ", expected 404");
    }
    assertEquals(Map.of(), wrong);
  }

  private static void report(String name, StringBuilder matrix, int cells) throws Exception {
    java.nio.file.Path file =
        java.nio.file.Path.of("target", "access-matrix-" + name + ".txt").toAbsolutePath();
    Files.writeString(file, matrix.toString(), StandardCharsets.UTF_8);
    System.out.println("Access matrix (" + name + "): " + cells + " cells, written to " + file);
  }

  /**
   * The WAR's classes, loadable beside the EAR's libraries, to read their annotations: the archives
   * unpacked under target/ (replacing what an earlier call unpacked), not left in the system's
   * temporary folder.
   */
  private static URLClassLoader classes(WebArchive war) throws Exception {
    java.nio.file.Path unpacked = java.nio.file.Path.of("target", "access-matrix-classes");
    if (Files.exists(unpacked)) {
      try (Stream<java.nio.file.Path> old = Files.walk(unpacked)) {
        for (java.nio.file.Path f : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    File dir = Files.createDirectories(unpacked.resolve("war")).toFile();
    File exploded = war.as(ExplodedExporter.class).exportExploded(dir);
    File earDir = Files.createDirectories(unpacked.resolve("ear")).toFile();
    File ear = Deployments.ear().as(ExplodedExporter.class).exportExploded(earDir);
    List<URL> urls = new ArrayList<>();
    urls.add(new File(exploded, "WEB-INF/classes/").toURI().toURL());
    try (Stream<java.nio.file.Path> jars = Files.walk(ear.toPath())) {
      for (java.nio.file.Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), AccessMatrixIT.class.getClassLoader());
  }

  private static List<Class<?>> webClasses(WebArchive war, ClassLoader loader) {
    List<Class<?>> found = new ArrayList<>();
    war.getContent()
        .keySet()
        .forEach(
            p -> {
              String path = p.get();
              if (path.startsWith("/WEB-INF/classes/") && path.endsWith(".class")) {
                String name =
                    path.substring("/WEB-INF/classes/".length(), path.length() - 6)
                        .replace('/', '.');
                try {
                  found.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError skipped) {
                  // a class that cannot load here is no servlet or resource of this test's
                }
              }
            });
    return found;
  }

  private static List<String> servletPaths(WebArchive war) throws Exception {
    List<String> paths = new ArrayList<>();
    try (URLClassLoader loader = classes(war)) {
      for (Class<?> type : webClasses(war, loader)) {
        WebServlet servlet = type.getAnnotation(WebServlet.class);
        if (servlet != null) {
          paths.addAll(List.of(servlet.value()));
          paths.addAll(List.of(servlet.urlPatterns()));
        }
      }
    }
    return paths;
  }

  /** Every API endpoint as method and path (under {@code api/}), from the JAX-RS annotations. */
  private static List<String[]> apiEndpoints(WebArchive war) throws Exception {
    List<String[]> endpoints = new ArrayList<>();
    try (URLClassLoader loader = classes(war)) {
      List<Class<?>> types = webClasses(war, loader);
      String root =
          types.stream()
              .map(t -> t.getAnnotation(ApplicationPath.class))
              .filter(a -> a != null)
              .map(a -> a.value().replaceAll("^/|/$", ""))
              .findFirst()
              .orElseThrow();
      for (Class<?> type : types) {
        Path base = type.getAnnotation(Path.class);
        if (base == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String verb =
              method.isAnnotationPresent(GET.class)
                  ? "GET"
                  : method.isAnnotationPresent(POST.class)
                      ? "POST"
                      : method.isAnnotationPresent(PUT.class)
                          ? "PUT"
                          : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
          if (verb == null) {
            continue;
          }
          Path sub = method.getAnnotation(Path.class);
          String path =
              root
                  + "/"
                  + base.value().replaceAll("^/|/$", "")
                  + (sub == null ? "" : "/" + sub.value().replaceAll("^/|/$", ""));
          endpoints.add(new String[] {verb, path});
        }
      }
    }
    endpoints.sort((a, b) -> (a[1] + a[0]).compareTo(b[1] + b[0]));
    return endpoints;
  }
}
