package org.postroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.sharedmailbox.RequestKind;
import org.postroom.domain.sharedmailbox.RequestState;
import org.postroom.it.Deployments;
import org.postroom.service.common.LikePattern;
import org.postroom.service.common.NameSearch;
import org.postroom.service.common.SeekDirection;
import org.postroom.service.directory.AccountRow;
import org.postroom.service.directory.DirectoryService;
import org.postroom.service.directory.ImportReport;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.security.CredentialService;
import org.postroom.service.sharedmailbox.RequestQuery;
import org.postroom.service.sharedmailbox.RequestQuery.Seek;
import org.postroom.service.sharedmailbox.RequestQuery.Sort;
import org.postroom.service.sharedmailbox.RequestRow;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * The helpdesk's two big lists at institution scale: the request queue with 100,000 requests and
 * the account search with 50,000 people. Every filter and every sort column, first page and a deep
 * one (page 2,000), each as the table loads it (the count, then the page) through the real
 * services, against the same SQL run directly over JDBC; the database's result cache is defeated
 * before every sample by changing a row of the tables read. Also counts the statements a page
 * costs. Run by {@code ./scripts/bench}, or alone with {@code ./mvnw -pl ear verify
 * -Dit.test=ListPagesBenchmark} (H2) or {@code -De2e.test=ListPagesBenchmark} (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
class ListPagesBenchmark {

  static final int PEOPLE = Integer.getInteger("bench.people", 50_000);
  static final int REQUESTS = Integer.getInteger("bench.requests", 100_000);
  static final String DOMAIN = "umail.example-a.nl";
  static final String PREFIX = "lp-";

  /**
   * Seeded requests take ids far above the sequence's, so that the application's own never meet.
   */
  static final long FIRST_ID = 4_000_000_000L;

  static final int WARMUP = 5;
  static final int SAMPLES = 30;
  static final int PAGE = 20;
  static final int DEEP = 2_000 * PAGE;
  static final double FIRST_PAGE_GOAL_MS = 150;
  static final double DEEP_RATIO_GOAL = 1.5;

  /** The smaller queues measured first, to see how a page's time grows with the queue. */
  static final int[] SMALLER = {REQUESTS / 10, REQUESTS / 2};

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(
        ListPagesBenchmark.class, BenchTable.class, RegistryNames.class);
  }

  @Inject SharedMailboxRequestService requests;
  @Inject DirectoryService directory;
  @Inject RegistryImportService imports;
  @Inject CredentialService credentials;

  @PersistenceUnit(unitName = "postroom")
  EntityManagerFactory emf;

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource dataSource;

  private String database;

  /** The requests seeded so far (the queue's size being measured). */
  private int size;

  /** The first page's p95 (ns) of the list measured last. */
  private double lastFirstPage;

  /** Each queue scenario's first-page p95 (ns) by queue size. */
  private final Map<String, SortedMap<Integer, Double>> growth = new LinkedHashMap<>();

  @Test
  void helpdeskQueueAndAccountSearch() throws Exception {
    database = BenchTable.database(dataSource);
    seedPeople();
    for (int smaller : SMALLER) {
      seedRequests(smaller);
      as(credentials, "helpdesk", this::measureGrowth);
    }
    seedRequests(REQUESTS);
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);

    as(credentials, "helpdesk", () -> measureAll(statistics));
    statistics.setStatisticsEnabled(false);
    growthRows();
  }

  /** At a smaller queue, the scenarios whose growth is reported: an index walk, text, a sort. */
  private Void measureGrowth() throws Exception {
    queue("newest first", null, null, null, Sort.SUBMITTED, false);
    queue("text: a requester's name", null, null, "nakamura", Sort.SUBMITTED, false);
    queue("sorted by requester", null, null, null, Sort.REQUESTER, true);
    return null;
  }

  /**
   * How the first page's time grows with the queue, for each scenario measured at every size: a
   * page that reads what it shows grows far less than the queue; a scan grows with it.
   */
  private void growthRows() {
    growth.forEach(
        (what, bySize) -> {
          if (bySize.size() < SMALLER.length + 1) {
            return;
          }
          double smallest = bySize.get(bySize.firstKey());
          double largest = bySize.get(bySize.lastKey());
          double queueGrowth = (double) bySize.lastKey() / bySize.firstKey();
          BenchTable.row(
              database,
              "queue's first page p95 as the queue grows "
                  + bySize.keySet().stream()
                      .map(n -> n / 1000 + "k")
                      .collect(Collectors.joining(" → "))
                  + ": "
                  + what,
              bySize.values().stream().map(BenchTable::ms).collect(Collectors.joining(" → ")),
              String.format(Locale.ROOT, "%.0f× the requests", queueGrowth),
              largest / smallest,
              "grows less than the queue (< " + (int) queueGrowth + "×)",
              largest / smallest < queueGrowth);
        });
  }

  /** Every list, as the helpdesk (signed in once: a sign-in is not what a page costs). */
  private Void measureAll(Statistics statistics) throws Exception {
    queue("newest first", null, null, null, Sort.SUBMITTED, false);
    queue("state: submitted", RequestState.SUBMITTED, null, null, Sort.SUBMITTED, false);
    queue("state: rejected", RequestState.REJECTED, null, null, Sort.SUBMITTED, false);
    queue(
        "kind: distribution list",
        null,
        RequestKind.DISTRIBUTION_LIST,
        null,
        Sort.SUBMITTED,
        false);
    queue("text: a requester's name", null, null, "nakamura", Sort.SUBMITTED, false);
    queue("text: no match", null, null, "zzqx", Sort.SUBMITTED, false);
    for (Sort sort : Sort.values()) {
      queue("sorted by " + sort.name().toLowerCase(), null, null, null, sort, true);
    }
    queue(
        "state and sorted by requester",
        RequestState.PROVISIONED,
        null,
        null,
        Sort.REQUESTER,
        true);
    statementsPerPage(statistics);

    accounts("all", null);
    accounts("text: a surname", "nakamura");
    accounts("text: a folded name", "devries");
    accounts("text: a username", PREFIX.replace("-", "") + "4711");
    accounts("text: an address part", "@" + DOMAIN);
    accounts("text: no match", "zzqx");
    return null;
  }

  // ---- the queue ----

  private void queue(
      String what, RequestState state, RequestKind kind, String text, Sort sort, boolean ascending)
      throws Exception {
    RequestQuery top = new RequestQuery(state, kind, text, sort, ascending, 0, PAGE);
    long total = requests.countQueue(top);
    List<RequestRow> beforeDeep =
        total > DEEP + PAGE
            ? requests.queue(
                new RequestQuery(state, kind, text, sort, ascending, DEEP - PAGE, PAGE))
            : List.of();
    measure(
        "queue (" + size / 1000 + "k): " + what,
        total,
        new Lister() {
          @Override
          public List<Object> firstPage() {
            // as the table does: no page is looked for when nothing matches
            return requests.countQueue(top) == 0 ? List.of() : ids(requests.queue(top));
          }

          @Override
          public List<Object> firstRows() {
            return ids(requests.queue(top));
          }

          @Override
          public List<Object> deepPage() {
            return ids(
                requests.queue(
                    top.seeking(
                        new Seek(beforeDeep.get(beforeDeep.size() - 1), SeekDirection.AFTER),
                        DEEP,
                        PAGE)));
          }

          @Override
          public List<Object> raw(boolean count, int first) throws SQLException {
            return rawQueue(state, kind, text, sort, ascending, count, first);
          }
        });
    growth.computeIfAbsent(what, w -> new TreeMap<>()).put(size, lastFirstPage);
  }

  private static List<Object> ids(List<RequestRow> rows) {
    return rows.stream().map(r -> (Object) r.id()).toList();
  }

  private static String queueWhere(
      RequestState state,
      RequestKind kind,
      String text,
      boolean walkSortIndex,
      List<Object> values) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (state != null) {
      where.append(
          walkSortIndex ? " and case when r.state = ? then 1 else 0 end = 1" : " and r.state = ?");
      values.add(state.name());
    }
    if (kind != null) {
      where.append(
          walkSortIndex ? " and case when r.kind = ? then 1 else 0 end = 1" : " and r.kind = ?");
      values.add(kind.name());
    }
    if (text != null) {
      where.append(
          " and (r.address like ? escape '\\' or r.requester_username like ? escape '\\'"
              + " or r.requester_id in (select n.id from account n where n.search_name like ?"
              + " escape '\\'))");
      String pattern = LikePattern.contains(text);
      values.add(pattern);
      values.add(pattern);
      values.add(LikePattern.contains(NameSearch.fold(text)));
    }
    return where.toString();
  }

  /** The queue's page as SQL: the count, then the rows, with the service's conditions and order. */
  private List<Object> rawQueue(
      RequestState state,
      RequestKind kind,
      String text,
      Sort sort,
      boolean ascending,
      boolean withCount,
      int first)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    // as the service writes them: filters not sargable when another column leads the order
    String where = queueWhere(state, kind, text, sort != Sort.SUBMITTED, values);
    List<Object> countValues = new ArrayList<>();
    String countWhere = queueWhere(state, kind, text, false, countValues);
    String direction = ascending ? " asc" : " desc";
    String lead =
        switch (sort) {
          case SUBMITTED -> "";
          case ADDRESS -> "r.address" + direction + ", ";
          case STATE -> "r.state" + direction + ", ";
          case KIND -> "r.kind" + direction + ", ";
          case REQUESTER -> "r.requester_username" + direction + ", ";
        };
    try (Connection connection = dataSource.getConnection()) {
      if (withCount
          && count(
                  connection,
                  "select count(*) from shared_mailbox_request r" + countWhere,
                  countValues)
              == 0) {
        return List.of();
      }
      List<Object> ids = new ArrayList<>();
      List<Object> requesters = new ArrayList<>();
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select r.id, r.kind, r.address, r.state, r.requester_username, r.requester_id,"
                  + " r.submitted_at from shared_mailbox_request r"
                  + where
                  + " order by "
                  + lead
                  + "r.submitted_at"
                  + direction
                  + ", r.id"
                  + direction
                  + " offset "
                  + first
                  + " rows fetch next "
                  + PAGE
                  + " rows only")) {
        bind(statement, values);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            ids.add(result.getObject(1));
            for (int c = 2; c <= 7; c++) {
              result.getObject(c);
            }
            requesters.add(result.getObject(6));
          }
        }
      }
      if (!requesters.isEmpty()) {
        List<Object> distinct = requesters.stream().distinct().toList();
        rows(
            connection,
            "select id, display_name from account where id in ("
                + "?,".repeat(distinct.size() - 1)
                + "?)",
            distinct);
      }
      return ids;
    }
  }

  // ---- the account search ----

  private void accounts(String what, String text) throws Exception {
    long total = directory.count(text);
    List<AccountRow> beforeDeep =
        total > DEEP + PAGE ? directory.search(text, DEEP - PAGE, PAGE) : List.of();
    measure(
        "account search (" + PEOPLE / 1000 + "k): " + what,
        total,
        new Lister() {
          @Override
          public List<Object> firstPage() {
            return directory.count(text) == 0 ? List.of() : keys(directory.search(text, 0, PAGE));
          }

          @Override
          public List<Object> firstRows() {
            return keys(directory.search(text, 0, PAGE));
          }

          @Override
          public List<Object> deepPage() {
            return keys(
                directory.searchNextTo(
                    text,
                    beforeDeep.get(beforeDeep.size() - 1).username(),
                    SeekDirection.AFTER,
                    PAGE));
          }

          @Override
          public List<Object> raw(boolean count, int first) throws SQLException {
            return rawAccounts(text, count, first);
          }
        });
  }

  private static List<Object> keys(List<AccountRow> rows) {
    return rows.stream().map(r -> (Object) r.username()).toList();
  }

  /** The account search's page as SQL, with the service's conditions and order. */
  private List<Object> rawAccounts(String text, boolean withCount, int first) throws SQLException {
    String normalized = text == null ? null : text.strip().toLowerCase();
    List<Object> values = new ArrayList<>();
    String where = "";
    if (normalized != null) {
      where =
          " where a.username like ? escape '\\' or a.search_name like ? escape '\\'"
              + " or a.id in (select m.owner_id from mailbox m where m.address like ? escape '\\')"
              + " or a.domain_id in (select d.id from mail_domain d where d.name like ? escape '\\')";
      values.add(LikePattern.prefix(normalized));
      values.add(LikePattern.contains(NameSearch.fold(normalized)));
      values.add(LikePattern.contains(normalized));
      values.add(LikePattern.prefix(normalized.replaceFirst("^@", "")));
    }
    try (Connection connection = dataSource.getConnection()) {
      if (withCount && count(connection, "select count(*) from account a" + where, values) == 0) {
        return List.of();
      }
      return rows(
          connection,
          "select a.username, a.display_name, a.account_type, a.state from account a"
              + where
              + " order by a.username offset "
              + first
              + " rows fetch next "
              + PAGE
              + " rows only",
          values);
    }
  }

  // ---- measuring ----

  /** A list as the table loads it, and as SQL run directly. */
  interface Lister {
    /** At a filter change: the count, then the first page's rows. */
    List<Object> firstPage() throws Exception;

    /** At a page turn to the first page: its rows alone (the count stands). */
    List<Object> firstRows() throws Exception;

    /** Page 2,000, found the way the table finds it after page 1,999. */
    List<Object> deepPage() throws Exception;

    /** The same as SQL over JDBC: the count if asked, then the rows from {@code first}. */
    List<Object> raw(boolean count, int first) throws Exception;
  }

  /** At most this many samples, and no more than this long a series (this machine is shared). */
  static final long SERIES_NANOS = 20_000_000_000L;

  /**
   * Times the first page (count and rows) and page 2,000 (when there are that many) through
   * Postroom and as SQL, each after a warm-up, with the result caches defeated before every sample;
   * the rows must be the same.
   */
  private void measure(String what, long total, Lister list) throws Exception {
    BenchTable.Samples first = new BenchTable.Samples();
    BenchTable.Samples firstRaw = new BenchTable.Samples();
    BenchTable.Samples firstRows = new BenchTable.Samples();
    series(
        () -> {
          List<Object> ours = first.time(this::defeatCaches, list::firstPage);
          List<Object> theirs = firstRaw.time(this::defeatCaches, () -> list.raw(true, 0));
          firstRows.time(this::defeatCaches, list::firstRows);
          assertEquals(theirs, ours, what + ": the first page's rows");
        },
        first,
        firstRaw,
        firstRows);
    BenchTable.row(
        database,
        what + ": first page, count and rows (" + String.format("%,d", total) + " match) p95",
        BenchTable.ms(first.p95()),
        BenchTable.ms(firstRaw.p95()),
        first.p95() / firstRaw.p95(),
        "< " + (int) FIRST_PAGE_GOAL_MS + " ms",
        first.p95() < FIRST_PAGE_GOAL_MS * 1e6);
    lastFirstPage = first.p95();
    if (total <= DEEP + PAGE) {
      return;
    }
    BenchTable.Samples deep = new BenchTable.Samples();
    BenchTable.Samples deepRaw = new BenchTable.Samples();
    series(
        () -> {
          List<Object> ours = deep.time(this::defeatCaches, list::deepPage);
          List<Object> theirs = deepRaw.time(this::defeatCaches, () -> list.raw(false, DEEP));
          assertEquals(theirs, ours, what + ": page 2,000's rows");
        },
        deep,
        deepRaw);
    BenchTable.row(
        database,
        what + ": page 2,000 p95, against the first page's rows",
        BenchTable.ms(deep.p95()),
        BenchTable.ms(firstRows.p95()),
        deep.p95() / firstRows.p95(),
        "≤ " + DEEP_RATIO_GOAL + "×, < " + (int) FIRST_PAGE_GOAL_MS + " ms",
        deep.p95() <= DEEP_RATIO_GOAL * firstRows.p95() && deep.p95() < FIRST_PAGE_GOAL_MS * 1e6);
  }

  interface Sample {
    void run() throws Exception;
  }

  /** Warms up, then samples until {@link #SAMPLES} or {@link #SERIES_NANOS} (at least five). */
  private static void series(Sample sample, BenchTable.Samples... cleared) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      sample.run();
    }
    for (BenchTable.Samples samples : cleared) {
      samples.clear();
    }
    long end = System.nanoTime() + SERIES_NANOS;
    for (int i = 0; i < SAMPLES && (i < 5 || System.nanoTime() < end); i++) {
      sample.run();
    }
  }

  /**
   * The statements the queue costs: a filter change counts, reads a page and its requesters' names
   * (three), a page turn reads the page and the names (two, three when it crosses from one leading
   * value to the next), whatever the number of rows, with nothing per row.
   */
  private void statementsPerPage(Statistics statistics) {
    RequestQuery top = new RequestQuery(null, null, null, Sort.REQUESTER, true, 0, PAGE);
    statistics.clear();
    requests.countQueue(top);
    List<RequestRow> page = requests.queue(top);
    long filterChange = statistics.getPrepareStatementCount();
    statistics.clear();
    assertFalse(
        requests
            .queue(
                top.seeking(new Seek(page.get(page.size() - 1), SeekDirection.AFTER), PAGE, PAGE))
            .isEmpty());
    long pageTurn = statistics.getPrepareStatementCount();
    BenchTable.figure(
        database,
        "queue: statements at a filter change (count, rows, names) and a page turn (rows, names)",
        filterChange + " and " + pageTurn,
        "3 and at most 3",
        filterChange <= 3 && pageTurn <= 3);
  }

  /** Changes a row of each table the lists read: H2 then drops the results it cached. */
  private void defeatCaches() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update shared_mailbox_request set version = version + 1 where id = " + FIRST_ID);
      statement.executeUpdate(
          "update account set version = version + 1 where id = (select min(id) from account)");
      statement.executeUpdate(
          "update mailbox set version = version + 1 where id = (select min(id) from mailbox)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Connection connection, String sql, List<Object> values)
      throws SQLException {
    explain(connection, sql, values);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** Reads every column of the rows; returns their first columns (the keys). */
  private static List<Object> rows(Connection connection, String sql, List<Object> values)
      throws SQLException {
    explain(connection, sql, values);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      List<Object> keys = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            result.getObject(c);
          }
          keys.add(result.getObject(1));
        }
      }
      return keys;
    }
  }

  /** The statements whose plans were printed: each once, into the log, to see why it costs. */
  private static final java.util.Set<String> EXPLAINED = new java.util.HashSet<>();

  private static void explain(Connection connection, String sql, List<Object> values)
      throws SQLException {
    if (!EXPLAINED.add(sql)) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("explain analyze " + sql)) {
      bind(statement, values);
      StringBuilder plan = new StringBuilder();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          plan.append(result.getString(1)).append('\n');
        }
      }
      System.out.println("PLAN of " + sql + " with " + values + ":\n" + plan);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }

  // ---- the data ----

  /**
   * 50,000 people with colliding names through the real import, unless an earlier run made them.
   */
  private void seedPeople() throws Exception {
    if (countRows("select count(*) from person where registry_id like '" + PREFIX + "%'")
        >= PEOPLE) {
      return;
    }
    List<RegistryRecord> people = RegistryNames.people(PREFIX, PEOPLE, 7, DOMAIN);
    for (int from = 0; from < people.size(); from += RegistryImportService.MAX_RECORDS) {
      List<RegistryRecord> batch =
          people.subList(from, Math.min(people.size(), from + RegistryImportService.MAX_RECORDS));
      ImportReport report =
          as(credentials, "admin", () -> imports.importRecords(List.copyOf(batch)));
      assertEquals(0, report.rejected(), () -> report.rejections().toString());
    }
  }

  /**
   * 100,000 requests of those people over five years, in the mix a queue holds: most provisioned or
   * rejected, a few open; written as a JDBC batch (how they got there is not what is measured).
   */
  private void seedRequests(int upTo) throws SQLException {
    int seeded =
        (int) countRows("select count(*) from shared_mailbox_request where id >= " + FIRST_ID);
    size = Math.max(seeded, upTo);
    if (seeded >= upTo) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      List<Long> requesters = new ArrayList<>();
      List<String> usernames = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "select a.id, a.username from account a join person p on a.person_id = p.id"
                      + " where p.registry_id like '"
                      + PREFIX
                      + "%'")) {
        while (result.next()) {
          requesters.add(result.getLong(1));
          usernames.add(result.getString(2));
        }
      }
      long domain = countRows("select id from mail_domain where name = '" + DOMAIN + "'");
      connection.setAutoCommit(false);
      Random random = new Random(11 + seeded);
      Instant now = Instant.now();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into shared_mailbox_request (id, version, domain_id, requester_id, local_part,"
                  + " address, open_address, purpose, state, submitted_at, kind, requester_username)"
                  + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = seeded; i < upTo; i++) {
          int roll = random.nextInt(100);
          RequestState state =
              roll < 2
                  ? RequestState.SUBMITTED
                  : roll < 65
                      ? RequestState.PROVISIONED
                      : roll < 85
                          ? RequestState.REJECTED
                          : roll < 95 ? RequestState.CANCELLED : RequestState.FAILED;
          int kindRoll = random.nextInt(100);
          RequestKind kind =
              kindRoll < 70
                  ? RequestKind.SHARED_MAILBOX
                  : kindRoll < 90
                      ? RequestKind.DISTRIBUTION_LIST
                      : kindRoll < 98 ? RequestKind.MEMBER_CHANGE : RequestKind.LIST_EXTENSION;
          String localPart = WORDS[random.nextInt(WORDS.length)] + "-" + i;
          String address = localPart + "@" + DOMAIN;
          insert.setLong(1, FIRST_ID + i);
          insert.setLong(2, domain);
          int requester = random.nextInt(requesters.size());
          insert.setLong(3, requesters.get(requester));
          insert.setString(4, localPart);
          insert.setString(5, address);
          insert.setString(6, state == RequestState.SUBMITTED ? address : null);
          insert.setString(7, "Benchmark request");
          insert.setString(8, state.name());
          insert.setTimestamp(
              9, Timestamp.from(now.minusSeconds(random.nextInt(5 * 365 * 24 * 3600))));
          insert.setString(10, kind.name());
          insert.setString(11, usernames.get(requester));
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      if (database.startsWith("PostgreSQL")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("analyze");
        }
      }
      connection.setAutoCommit(true);
    }
  }

  private static final String[] WORDS = {
    "finance", "research", "library", "it-desk", "exams", "admissions", "alumni", "press",
    "physics", "chemistry", "history", "law", "medicine", "sports", "housing", "events"
  };

  private long countRows(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getLong(1) : 0;
    }
  }
}
