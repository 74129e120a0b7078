package org.postroom.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Not a test: how many shared-mailbox requests a second the request form takes on one node and on
 * two behind HAProxy, on this machine, with the same simulated people (each fetches the form and
 * posts it back, no think time); the ratio two/one is the figure, since absolute rates on a shared
 * machine mean little. Both nodes and the load share the machine's cores, so the ratio shows what
 * the cluster costs here more than what a second machine would add.
 *
 * <pre>./mvnw -pl ear verify -Dit.test=None -De2e.test=None -Dproduction.test=None \
 *     -Dcluster.test=ClusterThroughputBenchmark -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
class ClusterThroughputBenchmark {

  private static final Logger LOG = Logger.getLogger(ClusterThroughputBenchmark.class.getName());

  private static final int PEOPLE = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final Duration MEASURED = Duration.ofSeconds(40);

  private final MailStack stack = new MailStack();
  private final AtomicLong sequence = new AtomicLong();

  @Test
  void requestFormOnOneNodeAndOnTwo() throws Exception {
    Path dir = Path.of(System.getProperty("postroom.cluster.dir"));
    double one = submissionsPerSecond(dir.resolve("one-node"), 1);
    double two = submissionsPerSecond(dir.resolve("two-nodes"), 2);
    String table =
        String.format(
            "%nRequest form, %d simulated people without think time (requests submitted a second):%n"
                + "  1 node  behind HAProxy   %.1f%n"
                + "  2 nodes behind HAProxy   %.1f   ratio %.2f%n",
            PEOPLE, one, two, two / one);
    LOG.info(table);
    Files.writeString(dir.resolve("throughput.txt"), table);
    assertTrue(one > 0 && two > 0, table);
  }

  private double submissionsPerSecond(Path dir, int nodes) throws Exception {
    stack.freshDatabase();
    try (Cluster cluster = new Cluster(dir, nodes, System.getenv())) {
      cluster.start(Duration.ofMinutes(4));
      AtomicLong acknowledged = new AtomicLong();
      Instant measureFrom = Instant.now().plus(WARM_UP);
      Instant until = measureFrom.plus(MEASURED);
      ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        int person = i;
        running.add(
            people.submit(
                () -> {
                  FacesClient browser = new FacesClient(cluster.base());
                  List<String> logins = ClusterFailoverIT.REQUESTERS;
                  browser.logIn(logins.get(person % logins.size()), ClusterFailoverIT.PASSWORD);
                  String member = logins.get((person + 1) % logins.size());
                  while (Instant.now().isBefore(until)) {
                    FacesClient.Page form = browser.get("/requests/new.xhtml");
                    boolean ok =
                        browser.submitRequest(
                            form, "tp" + nodes + "x" + sequence.incrementAndGet(), member);
                    if (ok && Instant.now().isAfter(measureFrom) && Instant.now().isBefore(until)) {
                      acknowledged.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> person : running) {
        person.get(5, TimeUnit.MINUTES);
      }
      people.shutdown();
      return acknowledged.get() / (double) MEASURED.toSeconds();
    }
  }
}
