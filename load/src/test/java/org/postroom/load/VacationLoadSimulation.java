package org.postroom.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A hundred people's vacation replies saved at once, twice: through the Faces form of the domain
 * administrator's mailbox page (an Ajax post of the form, as PrimeFaces sends it, answered with the
 * form and the reply's state re-rendered) and through {@code PUT /api/mailboxes/{address}/vacation}
 * (JSON with an API token, answered 204). Both end in the same service call (the reply, the
 * mailbox's Sieve script, the outbox, the audit). Each virtual user works on a mailbox of its own,
 * as the webmaster of member-e.example (its own session, logged in once) or with the demo token;
 * after a warm-up, all start together and the time from the first save to the last gives each
 * side's throughput. Before: 50,000 people imported into the domain (the directory a node holds);
 * after: the heap alive after a full collection with the hundred sessions open, and the server's
 * resident set after start, after the import and at its peak under load.
 *
 * <p>Writes {@code BENCH|} rows to its output, which scripts/bench gathers. System properties:
 * postroom.url, postroom.password (the demo password), postroom.pid and postroom.gcLog (the
 * server's process and GC log), users, warmUp, saves, people.
 */
public class VacationLoadSimulation extends Simulation {

  static final String BASE = System.getProperty("postroom.url", "http://127.0.0.1:8080");
  static final String PASSWORD = System.getProperty("postroom.password", "postroom-demo");
  static final String TOKEN = "demo-all." + PASSWORD;
  static final String DOMAIN = "member-e.example";
  static final int USERS = Integer.getInteger("users", 100);
  static final int WARM_UP = Integer.getInteger("warmUp", 10);
  static final int SAVES = Integer.getInteger("saves", 30);
  static final int PEOPLE = Integer.getInteger("people", 50_000);
  static final int BATCH = 10_000;
  static final String NONCE = "PrimeFaces\\.csp\\.init\\('([^']+)'\\)";
  static final String VIEW_STATE_UPDATE = "jakarta\\.faces\\.ViewState:0\"><!\\[CDATA\\[([^\\]]+)";

  private final HttpClient client = HttpClient.newHttpClient();
  private final ServerMemory memory =
      new ServerMemory(
          Long.getLong("postroom.pid", 0), Path.of(System.getProperty("postroom.gcLog", "gc.log")));
  private final Phase faces = new Phase();
  private final Phase rest = new Phase();
  private long rssAfterStartKb;
  private long rssAfterImportKb;
  private Thread sampler;

  /** One side's measured saves: from the first to the last, and each one's response time. */
  static final class Phase {
    final AtomicLong start = new AtomicLong();
    final AtomicLong end = new AtomicLong();
    final List<Integer> times = Collections.synchronizedList(new ArrayList<>());

    Session started(Session session) {
      start.compareAndSet(0, System.nanoTime());
      return session;
    }

    Session finished(Session session) {
      end.accumulateAndGet(System.nanoTime(), Math::max);
      return session;
    }

    Session timed(Session session) {
      if (session.contains("rt")) {
        times.add(session.getInt("rt"));
      }
      return session;
    }

    double perSecond() {
      return times.size() / ((end.get() - start.get()) / 1e9);
    }

    int percentile(double p) {
      List<Integer> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
  }

  HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .acceptLanguageHeader("en")
          .userAgentHeader("Postroom web load (Gatling)")
          .disableCaching();

  static List<Map<String, Object>> mailboxes() {
    return IntStream.range(0, USERS)
        .mapToObj(i -> Map.<String, Object>of("address", "load" + i + "@" + DOMAIN))
        .toList();
  }

  static String subject() {
    return "Away, load #{address} #{n}";
  }

  /** The Ajax post the vacation form's save button sends; the answer shows the reply set. */
  ChainBuilder facesSave(Phase phase) {
    return exec(http("vacation saved (Faces post)")
            .post("#{action}")
            .header("Faces-Request", "partial/ajax")
            .header("X-Requested-With", "XMLHttpRequest")
            .formParam("jakarta.faces.partial.ajax", "true")
            .formParam("jakarta.faces.source", "vacation:save")
            .formParam("jakarta.faces.partial.execute", "vacation")
            .formParam("jakarta.faces.partial.render", "#{render}")
            .formParam("vacation:save", "vacation:save")
            .formParam("vacation", "vacation")
            .formParam("vacation:subject", subject())
            .formParam("vacation:body", "I am away.\nMail the desk: desk@" + DOMAIN)
            .formParam("vacation:startsOn_input", "2027-01-04")
            .formParam("vacation:endsOn_input", "2027-01-15")
            .formParam("vacation:intervalDays_input", "3")
            .formParam("primefaces.nonce", "#{nonce}")
            .formParam("jakarta.faces.ViewState", "#{viewState}")
            .check(status().is(200))
            // as the browser does: the view's state and script nonce from each answer
            .check(regex(VIEW_STATE_UPDATE).saveAs("viewState"))
            .check(regex(NONCE).saveAs("nonce"))
            .check(substring("Away, load #{address} #{n}"))
            .check(substring("ui-messages-error").notExists())
            .check(responseTimeInMillis().saveAs("rt")))
        .exec(phase::timed);
  }

  /** The same reply through the API. */
  ChainBuilder restSave(Phase phase) {
    return exec(http("vacation saved (JAX-RS PUT)")
            .put("/api/mailboxes/#{address}/vacation")
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .body(
                StringBody(
                    "{\"subject\":\""
                        + subject()
                        + "\",\"body\":\"I am away.\\nMail the desk: desk@"
                        + DOMAIN
                        + "\",\"startsOn\":\"2027-01-04\",\"endsOn\":\"2027-01-15\","
                        + "\"intervalDays\":3}"))
            .check(status().is(204))
            .check(responseTimeInMillis().saveAs("rt")))
        .exec(phase::timed);
  }

  /** Warms up, waits for all, then saves SAVES times; only those are measured. */
  ChainBuilder measured(Phase phase, Function<Phase, ChainBuilder> save) {
    Phase unmeasured = new Phase();
    return repeat(WARM_UP, "n")
        .on(save.apply(unmeasured))
        .rendezVous(USERS)
        .exec(phase::started)
        .repeat(SAVES, "n")
        .on(save.apply(phase))
        .exec(phase::finished);
  }

  ScenarioBuilder facesUsers =
      scenario("Faces: the webmaster's mailbox page")
          .feed(listFeeder(mailboxes()).queue())
          .exec(
              http("login page")
                  .get("/login.xhtml")
                  .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState")))
          .exec(
              http("login")
                  .post("/login.xhtml")
                  .formParam("login", "login")
                  .formParam("login:username", "webmaster")
                  .formParam("login:password", PASSWORD)
                  .formParam("login:submit", "")
                  .formParam("jakarta.faces.ViewState", "#{viewState}")
                  .check(status().is(200))
                  .check(substring("id=\"login:password\"").notExists()))
          .exec(
              http("mailbox page")
                  .get("/domain-admin/mailbox.xhtml?address=#{address}")
                  .check(css("form#vacation", "action").saveAs("action"))
                  .check(css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"))
                  // PrimeFaces' script nonce (Content Security Policy), sent with each Ajax post
                  .check(regex(NONCE).saveAs("nonce"))
                  // what the save button's Ajax call re-renders, as PrimeFaces resolves it
                  .check(
                      regex("PrimeFaces\\.ab\\(\\{s:\"vacation:save\".*?u:\"([^\"]+)\"")
                          .find()
                          .transform(ids -> ids.replace(',', ' '))
                          .saveAs("render")))
          .exec(measured(faces, this::facesSave));

  ScenarioBuilder restUsers =
      scenario("JAX-RS: PUT /api/mailboxes/{address}/vacation")
          .feed(listFeeder(mailboxes()).queue())
          .exec(measured(rest, this::restSave));

  {
    setUp(
            restUsers
                .injectOpen(atOnceUsers(USERS))
                .andThen(facesUsers.injectOpen(atOnceUsers(USERS))))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    try {
      rssAfterStartKb = memory.rssKb();
      usernamesAsAddresses();
      for (int first = 0; first < PEOPLE; first += BATCH) {
        importPeople(first, Math.min(PEOPLE, first + BATCH));
      }
      rssAfterImportKb = memory.rssKb();
      sampler = memory.sampleRss();
    } catch (Exception e) {
      throw new IllegalStateException("the load's set-up failed", e);
    }
  }

  @Override
  public void after() {
    try {
      sampler.interrupt();
      long live = memory.liveAfterFullGcMb();
      double ratio = faces.perSecond() / rest.perSecond();
      row(
          "vacation saved by "
              + USERS
              + " users at once, "
              + SAVES
              + " each: Faces post vs JAX-RS PUT, throughput",
          String.format(Locale.ROOT, "%.0f/s", faces.perSecond()),
          String.format(Locale.ROOT, "%.0f/s", rest.perSecond()),
          String.format(Locale.ROOT, "%.2f×", ratio),
          "≥ 0.5× the JAX-RS call",
          ratio >= 0.5 ? "yes" : "no");
      row(
          "the same, p50/p95 per save",
          faces.percentile(0.5) + "/" + faces.percentile(0.95) + " ms",
          rest.percentile(0.5) + "/" + rest.percentile(0.95) + " ms",
          String.format(
              Locale.ROOT, "%.2f×", faces.percentile(0.95) / (double) rest.percentile(0.95)),
          "(measured)",
          "");
      row(
          "heap alive after a full GC: " + PEOPLE + " people imported, " + USERS + " sessions open",
          live + " MB",
          "768 MB (-Xmx of ./run)",
          String.format(Locale.ROOT, "%.2f", live / 768.0),
          "measured; fits the node's heap",
          live < 768 ? "yes" : "no");
      row(
          "heap: largest in use before a GC / largest committed, under that load",
          memory.peakUsedMb() + " / " + memory.peakCommittedMb() + " MB",
          "768 MB",
          String.format(Locale.ROOT, "%.2f", memory.peakCommittedMb() / 768.0),
          "measured",
          "");
      row(
          "server's resident set: after start / after the import / peak under load",
          rssAfterStartKb / 1024
              + " / "
              + rssAfterImportKb / 1024
              + " / "
              + memory.peakRssKb() / 1024
              + " MB",
          "",
          "",
          "measured",
          "");
    } catch (Exception e) {
      throw new IllegalStateException("the load's figures could not be read", e);
    }
  }

  private static void row(
      String what, String postroom, String baseline, String ratio, String goal, String met) {
    System.out.println(String.join("|", "BENCH", "H2", what, postroom, baseline, ratio, goal, met));
  }

  /**
   * member-e.example lets its people choose their address; for the load they get their username.
   */
  private void usernamesAsAddresses() throws Exception {
    HttpResponse<String> read = call(api("domains/" + DOMAIN).GET());
    String settings =
        read.body().replaceAll("\"addressScheme\":\"[A-Z_]+\"", "\"addressScheme\":\"USERNAME\"");
    call(
        api("domains/" + DOMAIN)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(settings)));
  }

  private void importPeople(int first, int end) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (int i = first; i < end; i++) {
      json.append(i == first ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"registryId\":\"load-%d\",\"givenNames\":\"Lotte\",\"surname\":\"Load %d\","
                      + "\"username\":\"load%d\",\"domain\":\"%s\","
                      + "\"affiliations\":[{\"kind\":\"STAFF\",\"startsOn\":\"2025-09-01\"}]}",
                  i,
                  i,
                  i,
                  DOMAIN));
    }
    HttpResponse<String> report =
        call(
            api("registry/people")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.append("]").toString())));
    if (!report.body().contains("\"rejected\":0")) {
      throw new IllegalStateException("people were rejected: " + report.body());
    }
  }

  private static HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(URI.create(BASE + "/api/" + path))
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofMinutes(10));
  }

  private HttpResponse<String> call(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
    return response;
  }
}
