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
import org.openqa.selenium.By;
import org.postroom.it.Browser;

/**
 * Postroom on two nodes behind HAProxy, on the end-to-end stack's PostgreSQL and Dovecot, with the
 * node that holds the provisioning outbox's lease killed ({@code kill -9}) under load, then
 * restarted under the same load — after WildFly's {@code AbstractWebFailoverTestCase}, with a crash
 * instead of a clean stop.
 *
 * <p>Simulated people (Faces postbacks with their view state, over their own sessions) submit
 * shared-mailbox requests with unique addresses, page their requests, and change a vacation reply.
 * Afterwards: every acknowledged submission exists exactly once; after the kill at least 99 % of
 * requests were served without a login page or an expired view; the lease moved to the survivor
 * within its length; the outbox drained and Dovecot holds the last vacation reply; every
 * notification reached the mail catcher once (twice at most for the one the killed node was handing
 * to the relay). Prints the figures of the failover.
 */
class ClusterFailoverIT {

  private static final Logger LOG = Logger.getLogger(ClusterFailoverIT.class.getName());

  static final String PASSWORD = System.getenv("POSTROOM_DEMO_PASSWORD");
  private static final Duration LEASE =
      Duration.ofSeconds(Long.parseLong(System.getenv("POSTROOM_LEASE_SECONDS")));

  /** University B takes shared-mailbox requests from its staff; each requester names a member. */
  static final List<String> REQUESTERS = List.of("staff", "staff2", "staff3", "helpdesk");

  /** The registry import whose node is killed: long enough to be mid-way then. */
  static final int REGISTRY_PEOPLE = 20_000;

  /** Forms filled in on one node and submitted on the other. */
  static final int MOVED_FORMS = 8;

  /** Rounds of two nodes racing for a lease left behind by a dead holder. */
  static final int CLAIM_ROUNDS = 50;

  static final List<String> SURNAMES =
      List.of("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos");

  static final String REGISTRY_FILE = "cluster-registry.csv";
  static final String REGISTRY_PREFIX = "cl-";

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
      for (int attempt = 0; attempt < 12 && browserNode != drainer; attempt++) {
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
      // ...starts a registry import there (its batch job runs on that node)...
      browser.open("admin/imports.xhtml");
      browser
          .driver()
          .findElement(By.cssSelector("#upload input[type=file]"))
          .sendKeys(registryFile(dir).toAbsolutePath().toString());
      browser.click("#upload\\:start");
      browser.waitForText("#messages", "The import of " + REGISTRY_FILE + " has started.");
      long importId = Long.parseLong(stack.sql("select max(id) from registry_import").strip());
      Cluster.await(
          "the import to run",
          Instant.now().plus(Duration.ofMinutes(1)),
          () -> importedLines(importId) > 0);
      browser.open("requests/new.xhtml");
      browser.type("#request\\:localPart", "browser1");
      browser.type("#request\\:purpose", "Typed before the crash, sent after it");
      browser.chooseMember("pieter", "staff2");

      // ...and that node is killed (its import and the browser's form are carried on by the
      // other), if possible while it holds the outbox's lease, so that the lease is left behind
      // held; the draining may stay on the other node, so after 40 s it is killed anyway
      int holder = 0;
      looking = Instant.now();
      while (holder != browserNode
          && Instant.now().isBefore(looking.plus(Duration.ofSeconds(40)))) {
        holder = leaseHolderOrZero("provisioning-outbox");
      }
      boolean victimHeldLease = holder == browserNode;
      int victim = browserNode;
      int survivor = 3 - victim;
      Instant kill = Instant.now();
      cluster.kill(victim);
      int importedAtKill = importedLines(importId);
      killed.set(true);
      Cluster.await(
          "the balancer to mark node" + victim + " down",
          kill.plus(Duration.ofSeconds(30)),
          () -> cluster.balancerState(victim).orElse("").startsWith("DOWN"));
      Duration detected = Duration.between(kill, Instant.now());
      // the half-filled form goes on the survivor, with its view state and login
      browser.click("#request\\:submit");
      try {
        browser.await().until(d -> d.getCurrentUrl().contains("/requests/view.xhtml"));
      } catch (RuntimeException e) {
        throw new AssertionError(
            "the browser's request after the kill: "
                + browser.currentUrl()
                + " "
                + browser.pageText()
                + "\nnode"
                + survivor
                + "'s errors:\n"
                + cluster.loggedErrors(survivor, 60),
            e);
      }
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

      Thread.sleep(15_000);
      long survivorMemory = cluster.residentMegabytes(survivor);

      // the killed node comes back and joins while the people go on (sessions are in the database,
      // nothing is handed to it), then new sessions land on both
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
      Thread.sleep(10_000);
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

      // the import, interrupted with its node, was carried on by the survivor to its end
      Cluster.await(
          "the registry import to complete on node" + survivor,
          Instant.now().plus(Duration.ofMinutes(3)),
          () ->
              "COMPLETED"
                  .equals(
                      stack.sqlQuietly(
                          "select state from registry_import where id = " + importId)));
      Duration imported =
          Duration.ofMillis(
              Math.round(
                      1000
                          * Double.parseDouble(
                              stack
                                  .sql(
                                      "select extract(epoch from finished_at) from registry_import"
                                          + " where id = "
                                          + importId)
                                  .strip()))
                  - kill.toEpochMilli());
      String importCounts =
          stack
              .sql(
                  "select processed_lines || ' ' || created_count || ' ' || updated_count || ' '"
                      + " || unchanged_count || ' ' || rejected_count from registry_import"
                      + " where id = "
                      + importId)
              .strip();
      String importedPeople =
          stack
              .sql(
                  "select count(*) || ' ' || count(distinct registry_id) from person"
                      + " where registry_id like '"
                      + REGISTRY_PREFIX
                      + "%'")
              .strip();
      String carriedOnBy =
          stack
              .sql(
                  "select detail from audit_entry where action = 'IMPORT_RESUMED'"
                      + " and subject_id = "
                      + importId)
              .strip();

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
      // a mail the killed node handed to the relay just before dying, not yet marked sent, goes out
      // again from the next holder, with the same Message-ID (SMTP cannot tell the relay "once"):
      // so
      // a copy twice is allowed only for a mail marked sent after the kill, once
      List<String> sentTwiceAfterKill = new ArrayList<>();
      for (Map.Entry<String, Integer> copies : delivered.entrySet()) {
        String id = copies.getKey().split(" ")[0];
        if (copies.getValue() > 1
            && 1000
                    * Double.parseDouble(
                        stack
                            .sql(
                                "select extract(epoch from sent_at) from queued_mail where id = "
                                    + id)
                            .strip())
                > kill.toEpochMilli()) {
          sentTwiceAfterKill.add(id);
        }
      }

      // a form filled in on one node and submitted on the other, as a session the balancer moves
      // (its node drained or dead) is: each round on the other node
      List<String> movedForms = new ArrayList<>();
      for (int round = 0; round < MOVED_FORMS; round++) {
        browser.open("requests/new.xhtml");
        browser.type("#request\\:localPart", "moved" + round);
        browser.type("#request\\:purpose", "Filled in on one node, sent from the other");
        browser.chooseMember("pieter", "staff2");
        String to = moveSession(browser);
        browser.click("#request\\:submit");
        try {
          browser.await().until(d -> d.getCurrentUrl().contains("/requests/view.xhtml"));
          movedForms.add("to " + to + " ok");
        } catch (RuntimeException e) {
          movedForms.add("to " + to + " FAILED: " + browser.pageText().replace('\n', ' '));
        }
      }

      // both nodes' timers race for the outboxes' leases every 5 s; before each of 25 ticks both
      // leases are left behind by a holder that died ("ghost-N"): exactly one node takes each
      Map<String, Integer> leaseWins = claimRounds(cluster);

      double served =
          100.0 * (requestsAfterKill.get() - failedAfterKill.get()) / requestsAfterKill.get();
      String figures =
          String.format(
              "%nFailover figures (2 nodes, kill -9 of node%d, the import's and the form's):%n"
                  + "  balancer marked it down after      %d ms%n"
                  + "  requests after the kill            %d, failed %d (%.2f %% served)%n"
                  + "  the browser's form, begun on node%d, submitted after the kill%n"
                  + "  acknowledged submissions           %d, lost %d, duplicated %d%n"
                  + "  outbox lease on node%d after       %d ms (lease %d s)%s%n"
                  + "  killed node back under the load in %d s, new sessions since on %s%n"
                  + "  outboxes drained after the load in %d ms%n"
                  + "  registry import at line %d of %d when killed; resumed (%s),"
                  + " completed %d s after the kill%n"
                  + "  notifications sent %d, delivered twice %d%n"
                  + "  memory: the survivor under load %d MB resident (heap at most 512 MB)%n"
                  + "  forms moved between the nodes: %s%n"
                  + "  lease rounds won by node: %s (each of %d rounds by exactly one node)%n"
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
              victimHeldLease ? "" : ", not held by the killed node",
              restarted.toSeconds(),
              routes,
              drained.toMillis(),
              importedAtKill,
              REGISTRY_PEOPLE,
              carriedOnBy,
              imported.toSeconds(),
              sentRows,
              twice,
              survivorMemory,
              movedForms,
              leaseWins,
              CLAIM_ROUNDS,
              failures.stream().limit(5).toList());
      LOG.info(figures);
      Files.writeString(dir.resolve("figures.txt"), figures);

      assertEquals(2, routes.size(), "both nodes serve again" + figures);
      assertTrue(
          movedForms.stream().allMatch(f -> f.endsWith(" ok")),
          "forms moved between the nodes" + figures);
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
      assertTrue(
          twice == 0 || (twice == 1 && sentTwiceAfterKill.size() == 1),
          "notifications delivered twice (one is allowed only from the killed node's last send)"
              + figures);
      assertTrue(
          importedAtKill > 0 && importedAtKill < REGISTRY_PEOPLE,
          "the import was mid-way when its node died" + figures);
      assertTrue(carriedOnBy.endsWith("node" + survivor), "carried on by the survivor" + figures);
      // every line applied once: each person created (a line applied twice would count as
      // unchanged), none skipped
      assertEquals(
          REGISTRY_PEOPLE + " " + REGISTRY_PEOPLE + " 0 0 0",
          importCounts,
          "import counts (processed, created, updated, unchanged, rejected); rejected: "
              + stack.sql(
                  "select line_no || ' ' || reason_key from registry_import_rejection"
                      + " where import_id = "
                      + importId
                      + " order by line_no limit 5"));
      assertEquals(REGISTRY_PEOPLE + " " + REGISTRY_PEOPLE, importedPeople, "people imported");
    }
  }

  /**
   * Rounds of the two outbox leases left behind by a dead holder just before a tick of both nodes'
   * workers: each round's lease must be taken over by exactly one node. Returns the rounds each
   * node won.
   */
  private Map<String, Integer> claimRounds(Cluster cluster) throws Exception {
    List<String> leases = List.of("provisioning-outbox", "mail-outbox");
    for (int round = 1; round <= CLAIM_ROUNDS / leases.size(); round++) {
      String ghost = "ghost-" + round;
      stack.sql(
          "update cluster_lock set holder = '"
              + ghost
              + "', acquired_at = current_timestamp - interval '1 hour'"
              + " where name in ('provisioning-outbox', 'mail-outbox')");
      Cluster.await(
          "both leases taken from " + ghost,
          Instant.now().plus(Duration.ofSeconds(15)),
          () ->
              "0"
                  .equals(
                      stack.sqlQuietly(
                          "select count(*) from cluster_lock where holder = '" + ghost + "'")));
    }
    // the losers of the last round have answered by now
    Thread.sleep(1000);
    Pattern takeover =
        Pattern.compile("Lease ([a-z-]+): (node\\d) takes it over from (ghost-\\d+)");
    Map<String, List<String>> winners = new HashMap<>();
    for (int node = 1; node <= 2; node++) {
      Matcher line = takeover.matcher(cluster.serverLog(node));
      while (line.find()) {
        winners
            .computeIfAbsent(line.group(1) + " " + line.group(3), k -> new ArrayList<>())
            .add(line.group(2));
      }
    }
    Map<String, Integer> wins = new java.util.TreeMap<>();
    for (int round = 1; round <= CLAIM_ROUNDS / leases.size(); round++) {
      for (String lease : leases) {
        List<String> won = winners.getOrDefault(lease + " ghost-" + round, List.of());
        assertEquals(1, won.size(), lease + " in round " + round + " taken by " + won);
        wins.merge(won.get(0), 1, Integer::sum);
      }
    }
    return wins;
  }

  /**
   * Points the browser's session at the other node, as the balancer does when the session's node is
   * gone: the route after the session id's last dot names the node. Returns that node.
   */
  private static String moveSession(Browser browser) {
    org.openqa.selenium.WebDriver.Options manage = browser.driver().manage();
    org.openqa.selenium.Cookie session = manage.getCookieNamed("JSESSIONID");
    String to = session.getValue().endsWith(".node1") ? "node2" : "node1";
    manage.deleteCookieNamed("JSESSIONID");
    manage.addCookie(
        new org.openqa.selenium.Cookie.Builder(
                "JSESSIONID", session.getValue().replaceAll("\\.node\\d+$", "." + to))
            .path(session.getPath())
            .isHttpOnly(true)
            .build());
    return to;
  }

  /** Lines of the registry import applied so far. */
  private int importedLines(long importId) {
    String lines =
        stack.sqlQuietly("select processed_lines from registry_import where id = " + importId);
    return lines.isBlank() ? 0 : Integer.parseInt(lines.strip());
  }

  /** A registry file of {@value #REGISTRY_PEOPLE} new people, each with a mail address. */
  private static Path registryFile(Path dir) throws java.io.IOException {
    StringBuilder csv =
        new StringBuilder(
            "registryId,givenNames,initials,infixes,surname,username,domain,affiliations,closed\n");
    for (int i = 1; i <= REGISTRY_PEOPLE; i++) {
      csv.append(REGISTRY_PREFIX)
          .append(i)
          .append(",Anna Maria,,,")
          // at most 9,999 addresses per name and domain: several names
          .append(SURNAMES.get(i % SURNAMES.size()))
          .append(",cl")
          .append(i)
          .append(i % 2 == 0 ? ",umail.example-a.nl," : ",univ-b.be,")
          .append("STUDENT:2025-09-01:2029-08-31,\n");
    }
    Path file = dir.resolve(REGISTRY_FILE);
    Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
    return file;
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
