package org.postroom.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A cluster of Postroom nodes behind HAProxy, started as an operator would with {@code
 * scripts/cluster}, plus a GreenMail that catches the notifications (so that each can be counted).
 * Everything listens on 127.0.0.1, on ports of its own (offset {@link #PORT_OFFSET}); {@link
 * #close} stops all of it, also after a failure.
 */
final class Cluster implements AutoCloseable {

  static final int PORT_OFFSET = 40000;
  static final int BALANCER_PORT = 48080;
  static final int SMTP_PORT = 43025;
  static final int MAIL_API_PORT = 43080;

  private final Path root = Path.of(System.getProperty("postroom.project.dir", ".."));
  private final Path dir;
  private final int nodes;
  private final Map<String, String> environment;
  private final Map<Integer, Process> running = new HashMap<>();
  private final List<Process> others = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Cluster(Path dir, int nodes, Map<String, String> environment) {
    this.dir = dir;
    this.nodes = nodes;
    this.environment = new HashMap<>(environment);
    this.environment.put("POSTROOM_CLUSTER_DIR", dir.toString());
    this.environment.put("POSTROOM_CLUSTER_NODES", Integer.toString(nodes));
    this.environment.put("POSTROOM_CLUSTER_PORT_OFFSET", Integer.toString(PORT_OFFSET));
    this.environment.put("POSTROOM_CLUSTER_HTTP_PORT", Integer.toString(BALANCER_PORT));
    this.environment.put("POSTROOM_SMTP_HOST", "127.0.0.1");
    this.environment.put("POSTROOM_SMTP_PORT", Integer.toString(SMTP_PORT));
    // two nodes and the suite's build on two cores: modest heaps
    this.environment.put("POSTROOM_JAVA_OPTS", "-Xms128m -Xmx512m");
  }

  static int httpPort(int node) {
    return 8080 + PORT_OFFSET + 100 * node;
  }

  String base() {
    return "http://127.0.0.1:" + BALANCER_PORT;
  }

  /** GreenMail (notifications), then every node at once, then the balancer; waits until ready. */
  void start(Duration within) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    others.add(
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + SMTP_PORT,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + MAIL_API_PORT,
                "-Dgreenmail.auth.disabled",
                "-jar",
                root.resolve("ear/target/devtools/greenmail-standalone.jar").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("greenmail.log").toFile())
            .start());
    for (int node = 1; node <= nodes; node++) {
      startNode(node);
    }
    others.add(
        script("balancer", Integer.toString(nodes))
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start());
    Instant deadline = Instant.now().plus(within);
    for (int node = 1; node <= nodes; node++) {
      int n = node;
      await("node" + node + " ready", deadline, () -> ready(n));
    }
    await("the balancer", deadline, () -> balancerSees(nodes));
  }

  /** Starts node n (again): its own base folder, the same configuration. */
  void startNode(int node) throws IOException {
    running.put(
        node,
        script("node", Integer.toString(node))
            .redirectOutput(dir.resolve("node" + node + ".out").toFile())
            .start());
  }

  private ProcessBuilder script(String part, String argument) {
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("scripts/cluster").toString(), part, argument)
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    return builder;
  }

  /** {@code kill -9} of node n's server process, as a crash or a power cut would. */
  void kill(int node) throws IOException, InterruptedException {
    long pid = pid(node);
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
    kill.waitFor(10, TimeUnit.SECONDS);
    Process script = running.remove(node);
    if (script != null) {
      script.waitFor(30, TimeUnit.SECONDS);
    }
  }

  long pid(int node) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("node" + node + "/server.pid")).trim());
  }

  /** Node n's resident memory in MB (VmRSS of its server process), 0 when it cannot be read. */
  long residentMegabytes(int node) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid(node) + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Node n's server log as it stands (every start of the node writes on at its end). */
  String serverLog(int node) throws IOException {
    return Files.readString(dir.resolve("node" + node + "/log/server.log"));
  }

  /**
   * The errors node n logged (ERROR lines with the first lines of their stack traces), at most
   * {@code max} lines: what a failed assertion needs to say why a node answered with an error.
   */
  String loggedErrors(int node, int max) {
    List<String> errors = new ArrayList<>();
    int traceLines = 0;
    try {
      for (String line : Files.readAllLines(dir.resolve("node" + node + "/log/server.log"))) {
        if (errors.size() >= max) {
          break;
        }
        if (line.contains(" ERROR ")) {
          errors.add(line);
          traceLines = 0;
        } else if (!errors.isEmpty()
            && traceLines < 12
            && (line.startsWith("\t") || line.startsWith("Caused by"))) {
          errors.add(line);
          traceLines++;
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.add("(node" + node + "'s log could not be read: " + e + ")");
    }
    return String.join("\n", errors);
  }

  /** Whether node n answers its readiness check (the balancer's own question). */
  boolean ready(int node) {
    try {
      return http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + httpPort(node) + "/status/ready"))
                      .timeout(Duration.ofSeconds(3))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The balancer's state of node n (UP, DOWN, …) from its statistics page. */
  Optional<String> balancerState(int node) {
    try {
      String csv =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + (BALANCER_PORT + 1) + "/;csv"))
                      .timeout(Duration.ofSeconds(3))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : csv.split("\n")) {
        String[] field = line.split(",", -1);
        if (field.length > 17 && field[0].equals("nodes") && field[1].equals("node" + node)) {
          return Optional.of(field[17]);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private boolean balancerSees(int count) {
    for (int node = 1; node <= count; node++) {
      if (!balancerState(node).orElse("").startsWith("UP")) {
        return false;
      }
    }
    return true;
  }

  /** Every message GreenMail holds for the address, raw (headers and body, as JSON text). */
  String caughtMail(String address) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + MAIL_API_PORT
                            + "/api/user/"
                            + address
                            + "/messages/INBOX/"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return response.statusCode() == 200 ? response.body() : "";
  }

  static void await(String what, Instant deadline, BooleanSupplier done)
      throws InterruptedException {
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  @Override
  public void close() {
    for (int node : new ArrayList<>(running.keySet())) {
      try {
        // a clean stop where it can; the process tree at worst
        Process script = running.remove(node);
        script.destroy();
        if (!script.waitFor(30, TimeUnit.SECONDS)) {
          kill(node);
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        try {
          kill(node);
        } catch (IOException | InterruptedException | RuntimeException ignored) {
          // the pid file is gone: the server is stopped
        }
      }
    }
    for (Process other : others) {
      other.destroy();
      try {
        other.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      other.destroyForcibly();
    }
  }
}
