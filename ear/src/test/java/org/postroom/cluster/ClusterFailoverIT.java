package org.postroom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postroom.it.Browser;

/**
 * Postroom on two nodes behind HAProxy, on the end-to-end stack's PostgreSQL and Dovecot, with the
 * node that holds the provisioning outbox's lease killed ({@code kill -9}) under load, then
 * restarted — after WildFly's {@code AbstractWebFailoverTestCase}, with a crash instead of a clean
 * stop.
 *
 * <p>Simulated people (Faces postbacks with their view state, over their own sessions) submit
 * shared-mailbox requests with unique addresses, page their requests, and change a vacation reply.
 * Afterwards: every acknowledged submission exists exactly once; after the kill at least 99 % of
 * requests were served without a login page or an expired view; the lease moved to the survivor
 * within its length; the outbox drained and Dovecot holds the last vacation reply; every
 * notification reached the mail catcher exactly once. Prints the figures of the failover.
 */
class ClusterFailoverIT {

  private static final Logger LOG = Logger.getLogger(ClusterFailoverIT.class.getName());

  static final String PASSWORD = System.getenv("POSTROOM_DEMO_PASSWORD");
  private static final Duration LEASE =
      Duration.ofSeconds(Long.parseLong(System.getenv("POSTROOM_LEASE_SECONDS")));

  /** University B takes shared-mailbox requests from its staff; each requester names a member. */
  static final List<String> REQUESTERS = List.of("staff", "staff2", "staff3", "helpdesk");

  private final MailStack stack = new MailStack();

  /** What the simulated people saw. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  private final AtomicInteger requestsAfterKill = new AtomicInteger();
  private final AtomicInteger failedAfterKill = new AtomicInteger();
  private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicReference<String> lastVacation = new AtomicReference<>();
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicLong sequence = new AtomicLong();

  @Test
  void aNodeKilledUnderLoadLosesNothing() throws Exception {
    stack.freshDatabase();
    Path dir = Path.of(System.getProperty("postroom.cluster.dir"));
    List<AutoCloseable> closing = new ArrayList<>();
    try (Cluster cluster = new Cluster(dir, 2, System.getenv());
        AutoCloseable browsers = () -> closeAll(closing)) {
      cluster.start(Duration.ofMinutes(4));
      // nodes that started together made the demo data once
      assertEquals("1", stack.sql("select count(*) from account where username = 'staff'"));

      ExecutorService people = Executors.newFixedThreadPool(REQUESTERS.size() + 1);
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < REQUESTERS.size(); i++) {
        String username = REQUESTERS.get(i);
        int person = i;
        running.add(people.submit(() -> requester(cluster, username, person, stop)));
      }
      running.add(people.submit(() -> vacationSetter(cluster, stop)));

      Thread.sleep(10_000);
      // the node that drains the outbox (it holds the lease while it drains; the vacation replies
      // keep it busy, and the lease tends to stay with one node)
      int drainer = 0;
      Instant looking = Instant.now();
      while (drainer == 0) {
        assertTrue(
            Instant.now().isBefore(looking.plus(Duration.ofSeconds(60))),
            "no node took the provisioning outbox's lease");
        drainer = leaseHolderOrZero("provisioning-outbox");
      }
      // a person in a real browser logs in there (new sessions go round the nodes) and fills in the
      // request form...
      System.setProperty("it.base.url", cluster.base() + "/");
      Browser browser = new Browser();
      closing.add(browser);
      int browserNode = 0;
      for (int attempt = 0; attempt < 6 && browserNode != drainer; attempt++) {
        browser.driver().manage().deleteAllCookies();
        browser.login("admin", PASSWORD);
        browserNode =
            Integer.parseInt(
                browser
                    .driver()
                    .manage()
                    .getCookieNamed("JSESSIONID")
                    .getValue()
                    .replaceAll(".*\\.node", ""));
      }
      browser.open("requests/new.xhtml");
      browser.type("#request\\:localPart", "browser1");
      browser.type("#request\\:purpose", "Typed before the crash, sent after it");
      browser.chooseMember("pieter", "staff2");

      // ...and that node is killed while it holds the outbox's lease, so that the lease is left
      // behind held (should the other node have taken the draining over, that one is killed)
      int holder = 0;
      looking = Instant.now();
      while (holder != browserNode) {
        holder = leaseHolderOrZero("provisioning-outbox");
        if (holder != 0 && Instant.now().isAfter(looking.plus(Duration.ofSeconds(60)))) {
          break;
        }
      }
      int victim = holder;
      int survivor = 3 - victim;
      Instant kill = Instant.now();
      cluster.kill(victim);
      killed.set(true);
      Cluster.await(
          "the balancer to mark node" + victim + " down",
          kill.plus(Duration.ofSeconds(30)),
          () -> cluster.balancerState(victim).orElse("").startsWith("DOWN"));
      Duration detected = Duration.between(kill, Instant.now());
      // the half-filled form goes on the survivor, with its view state and login
      browser.click("#request\\:submit");
      browser.await().until(d -> d.getCurrentUrl().contains("/requests/view.xhtml"));
      assertTrue(
          browser.pageText().contains("Your request has been submitted"),
          "the browser's request after the kill: " + browser.pageText());
      acknowledged.add("browser1@univ-b.be");
      // only a survivor's lease call clears a dead holder's name (a holder releases its own only)
      Cluster.await(
          "the lease to move to node" + survivor,
          kill.plus(LEASE).plus(Duration.ofSeconds(20)),
          () -> leaseHolderOrZero("provisioning-outbox") != victim);
      Duration leaseMoved = Duration.between(kill, Instant.now());

      Thread.sleep(20_000);
      long survivorMemory = cluster.residentMegabytes(survivor);
      stop.set(true);
      for (Future<?> person : running) {
        person.get(2, TimeUnit.MINUTES);
      }
      people.shutdown();

      // the outboxes drain on whoever holds their leases
      Instant drainFrom = Instant.now();
      Cluster.await(
          "the provisioning outbox to drain",
          drainFrom.plus(Duration.ofMinutes(2)),
          () ->
              "0"
                  .equals(
                      stack.sqlQuietly(
                          "select count(*) from provisioning_change where state = 'PENDING'")));
      Cluster.await(
          "the mail outbox to drain",
          drainFrom.plus(Duration.ofMinutes(2)),
          () ->
              "0"
                  .equals(
                      stack.sqlQuietly(
                          "select count(*) from queued_mail where state = 'PENDING'")));
      Duration drained = Duration.between(drainFrom, Instant.now());

      // every acknowledged submission exactly once, nothing else duplicated
      Map<String, Integer> stored = new HashMap<>();
      for (String line :
          stack
              .sql("select address || ' ' || count(*) from shared_mailbox_request group by address")
              .split("\n")) {
        if (!line.isBlank()) {
          String[] parts = line.trim().split(" ");
          stored.put(parts[0], Integer.parseInt(parts[1]));
        }
      }
      Set<String> lost = new HashSet<>(acknowledged);
      lost.removeAll(stored.keySet());
      long duplicated = stored.values().stream().filter(n -> n > 1).count();

      // each provisioning change applied, none failed; Dovecot holds the last vacation reply
      String failedChanges =
          stack.sql("select count(*) from provisioning_change where state <> 'APPLIED'");
      String desired =
          stack.sql(
              "select s.script from mailbox_sieve s join mailbox m on m.id = s.mailbox_id"
                  + " where m.address = 'j.de.groot@umail.example-a.nl'");
      String onDovecot = stack.sieveScript("umail.example-a.nl", "j.de.groot");

      // each notification exactly once at the mail catcher: Message-IDs are the outbox's row ids
      Map<String, Integer> delivered = new HashMap<>();
      for (String recipient :
          stack.sql("select distinct deliver_to from queued_mail").split("\n")) {
        if (recipient.isBlank()) {
          continue;
        }
        Matcher id =
            Pattern.compile("Message-ID: <notification\\.(\\d+)@", Pattern.CASE_INSENSITIVE)
                .matcher(cluster.caughtMail(recipient.trim()));
        while (id.find()) {
          delivered.merge(id.group(1) + " " + recipient.trim(), 1, Integer::sum);
        }
      }
      long sentRows =
          Long.parseLong(stack.sql("select count(*) from queued_mail where state = 'SENT'"));
      long twice = delivered.values().stream().filter(n -> n > 1).count();

      // the killed node comes back and joins; a new session may land on it
      Instant restart = Instant.now();
      cluster.startNode(victim);
      Cluster.await(
          "node" + victim + " back",
          restart.plus(Duration.ofMinutes(3)),
          () -> cluster.balancerState(victim).orElse("").startsWith("UP"));
      Duration restarted = Duration.between(restart, Instant.now());
      Set<String> routes = new HashSet<>();
      for (int i = 0; i < 6 && routes.size() < 2; i++) {
        FacesClient late = new FacesClient(cluster.base());
        late.logIn("staff", PASSWORD);
        assertTrue(late.get("/requests/mine.xhtml").fine(), "served after the restart");
        late.route().ifPresent(routes::add);
      }

      double served =
          100.0 * (requestsAfterKill.get() - failedAfterKill.get()) / requestsAfterKill.get();
      String figures =
          String.format(
              "%nFailover figures (2 nodes, kill -9 of node%d, the outbox lease holder):%n"
                  + "  balancer marked it down after      %d ms%n"
                  + "  requests after the kill            %d, failed %d (%.2f %% served)%n"
                  + "  the browser's form, begun on node%d, submitted after the kill%n"
                  + "  acknowledged submissions           %d, lost %d, duplicated %d%n"
                  + "  outbox lease on node%d after       %d ms (lease %d s)%n"
                  + "  killed node back after             %d s, sessions since on %s%n"
                  + "  outboxes drained after the load in %d ms%n"
                  + "  notifications sent %d, delivered twice %d%n"
                  + "  memory: the survivor under load %d MB resident (heap at most 512 MB)%n"
                  + "  failures: %s",
              victim,
              detected.toMillis(),
              requestsAfterKill.get(),
              failedAfterKill.get(),
              served,
              browserNode,
              acknowledged.size(),
              lost.size(),
              duplicated,
              survivor,
              leaseMoved.toMillis(),
              LEASE.toSeconds(),
              restarted.toSeconds(),
              routes,
              drained.toMillis(),
              sentRows,
              twice,
              survivorMemory,
              failures.stream().limit(5).toList());
      LOG.info(figures);
      Files.writeString(dir.resolve("figures.txt"), figures);

      assertEquals(2, routes.size(), "both nodes serve again" + figures);
      assertTrue(acknowledged.size() > 20, "the load made submissions: " + figures);
      assertEquals(Set.of(), lost, "lost submissions" + figures);
      assertEquals(0, duplicated, "duplicated submissions" + figures);
      assertTrue(requestsAfterKill.get() > 100, "load after the kill" + figures);
      assertTrue(served >= 99.0, "served after the kill" + figures);
      assertTrue(leaseMoved.compareTo(LEASE.plus(Duration.ofSeconds(15))) <= 0, figures);
      assertEquals("0", failedChanges, "provisioning changes not applied" + figures);
      assertTrue(desired.contains(lastVacation.get()), "the last vacation reply is desired");
      assertEquals(desired.strip(), onDovecot.strip(), "Dovecot holds the desired script");
      assertTrue(sentRows >= acknowledged.size(), "a confirmation per submission" + figures);
      assertEquals(sentRows, delivered.size(), "every notification delivered" + figures);
      assertEquals(0, twice, "notifications delivered twice" + figures);
    }
  }

  private static void closeAll(List<AutoCloseable> closing) throws Exception {
    for (AutoCloseable each : closing) {
      each.close();
    }
  }

  /** A staff member submitting shared-mailbox requests and paging them, until told to stop. */
  private Void requester(Cluster cluster, String username, int person, AtomicBoolean stop)
      throws Exception {
    FacesClient browser = new FacesClient(cluster.base());
    browser.logIn(username, PASSWORD);
    String member = REQUESTERS.get((person + 1) % REQUESTERS.size());
    while (!stop.get()) {
      FacesClient.Page form = counted(() -> browser.get("/requests/new.xhtml"), "new");
      if (form == null) {
        continue;
      }
      String localPart = "fo" + person + "x" + sequence.incrementAndGet();
      try {
        boolean acknowledgedNow = browser.submitRequest(form, localPart, member);
        if (acknowledgedNow) {
          acknowledged.add(localPart + "@univ-b.be");
        }
        count(acknowledgedNow, "submit " + localPart);
      } catch (java.io.IOException e) {
        fail("submit " + localPart + ": " + e);
      }
      counted(() -> browser.get("/requests/mine.xhtml"), "mine");
      Thread.sleep(200);
    }
    return null;
  }

  /** The employee of University A changing his vacation reply, until told to stop. */
  private Void vacationSetter(Cluster cluster, AtomicBoolean stop) throws Exception {
    FacesClient browser = new FacesClient(cluster.base());
    browser.logIn("employee", PASSWORD);
    while (!stop.get()) {
      FacesClient.Page page = counted(() -> browser.get("/mailbox.xhtml"), "mailbox");
      if (page == null) {
        continue;
      }
      String subject = "Away " + sequence.incrementAndGet();
      try {
        FacesClient.Page saved =
            browser.follow(
                browser.post(
                    page,
                    "vacation",
                    "vacation:save",
                    Map.of(
                        "vacation:subject",
                        subject,
                        "vacation:body",
                        "Back next week. (" + subject + ")",
                        "vacation:startsOn_input",
                        "",
                        "vacation:endsOn_input",
                        "")));
        boolean ok = saved.fine() && saved.body().contains("Your vacation reply is saved");
        if (ok) {
          lastVacation.set(subject);
        }
        count(ok, "vacation " + saved.status() + " " + saved.path());
      } catch (java.io.IOException e) {
        fail("vacation: " + e);
      }
      Thread.sleep(300);
    }
    return null;
  }

  /** A page fetched and counted; null when it was not served as expected. */
  private FacesClient.Page counted(Fetch fetch, String what) throws InterruptedException {
    FacesClient.Page page;
    try {
      page = fetch.page();
    } catch (java.io.IOException e) {
      fail(what + ": " + e);
      Thread.sleep(200);
      return null;
    }
    count(page.fine(), what + " " + page.status() + " " + page.path());
    if (!page.fine()) {
      Thread.sleep(200);
      return null;
    }
    return page;
  }

  private interface Fetch {
    FacesClient.Page page() throws java.io.IOException, InterruptedException;
  }

  private void count(boolean ok, String what) {
    if (killed.get()) {
      requestsAfterKill.incrementAndGet();
      if (!ok) {
        failedAfterKill.incrementAndGet();
        failures.add(what);
      }
    }
  }

  private void fail(String what) {
    count(false, what);
  }

  /** The node (1 or 2) whose name holds the lease now, 0 when none does. */
  private int leaseHolderOrZero(String lease) {
    String holder =
        stack.sqlQuietly(
            "select coalesce(holder, '') from cluster_lock where name = '" + lease + "'");
    return holder.startsWith("node1") ? 1 : holder.startsWith("node2") ? 2 : 0;
  }
}
