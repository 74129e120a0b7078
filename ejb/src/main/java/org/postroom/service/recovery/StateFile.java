package org.postroom.service.recovery;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postroom.domain.common.RuleViolationException;

/**
 * Postroom's whole desired mail state as one file, for disaster recovery: the rows of the tables
 * that say what the mail servers should hold (domains with their policies, mail servers and their
 * endpoints, help texts, people and their affiliations, accounts with roles, mailboxes, aliases,
 * shared-mailbox members, forwards, vacation replies, filter rules, the generated Sieve scripts,
 * lists and their members). Not history or work in progress (audit, outbox, requests, mails,
 * notices, imports, sessions, API tokens). Works on a plain JDBC connection, the same on H2 and on
 * PostgreSQL (so a file from the embedded default restores into PostgreSQL of the same version).
 *
 * <p>The file is JSON ({@value #FORMAT}): the schema version it was made on, then each table's
 * columns and rows, parents before children, written and read as a stream (one row at a time in
 * memory). Ids are the database's own and are not kept: an import moves every id, and every
 * reference to it, past what the target's sequences have handed out, so that no node of a running
 * cluster can later take an id that an imported row holds.
 */
public final class StateFile {

  public static final String FORMAT = "postroom-state/1";

  /** The tables of the desired state; the file holds them parents first. */
  public static final List<String> TABLES =
      List.of(
          "mail_domain",
          "mail_server",
          "client_endpoint",
          "help_text",
          "person",
          "affiliation",
          "account",
          "account_role",
          "account_admin_domain",
          "mailbox",
          "mailbox_alias",
          "mailbox_member",
          "mail_forward",
          "vacation_reply",
          "filter_rule",
          "mailbox_sieve",
          "distribution_list",
          "distribution_list_member",
          "distribution_list_owner");

  /** How far past a sequence's value imported ids start (its increment, Hibernate's pool). */
  private static final long SEQUENCE_MARGIN = 100;

  private static final int BATCH = 500;

  private StateFile() {}

  /** What an import did: rows per table, in the order written. */
  public record Imported(Map<String, Integer> rows) {

    public int total() {
      return rows.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "table rows, …" of the tables that got any. */
    public String summary() {
      return rows.entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
    }
  }

  /** One table as the database has it: columns, their types, its foreign keys to the others. */
  private record Table(
      String name, List<String> columns, List<Kind> kinds, Map<String, String> references) {}

  /** How a column's values are written. */
  private enum Kind {
    NUMBER,
    BOOLEAN,
    TEXT,
    DECIMAL,
    INSTANT,
    LOCAL_TIMESTAMP,
    DATE,
    BINARY
  }

  /** Writes the state of the database the connection reaches. */
  public static void export(Connection db, OutputStream out, Instant now)
      throws SQLException, IOException {
    List<Table> tables = describe(db);
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      json.write("format", FORMAT);
      json.write("schema", schemaVersion(db));
      json.write("exportedAt", now.toString());
      json.writeStartArray("tables");
      for (Table table : tables) {
        json.writeStartObject();
        json.write("name", table.name());
        json.writeStartArray("columns");
        table.columns().forEach(json::write);
        json.writeEnd();
        json.writeStartArray("rows");
        String order = table.columns().contains("id") ? " order by id" : "";
        try (Statement select = db.createStatement()) {
          select.setFetchSize(BATCH);
          try (ResultSet rows =
              select.executeQuery(
                  "select "
                      + String.join(", ", table.columns())
                      + " from "
                      + table.name()
                      + order)) {
            while (rows.next()) {
              json.writeStartArray();
              for (int i = 0; i < table.columns().size(); i++) {
                write(json, rows, i + 1, table.kinds().get(i));
              }
              json.writeEnd();
            }
          }
        }
        json.writeEnd();
        json.writeEnd();
      }
      json.writeEnd();
      json.writeEnd();
    }
  }

  /**
   * Replaces the state of a Postroom that serves no domain yet with the file's: its few rows of the
   * state (the first administrator) and whatever refers to them go, the file's rows come in with
   * moved ids, and the sequences continue after them. Refuses, changing nothing when the caller
   * rolls back, a file that is not a state file, one of another schema version, or a Postroom that
   * already serves a domain.
   */
  public static Imported importInto(Connection db, InputStream in)
      throws SQLException, RuleViolationException {
    List<Table> tables = describe(db);
    Map<String, Long> offsets = new LinkedHashMap<>();
    try (JsonParser json = Json.createParser(in)) {
      expect(json, JsonParser.Event.START_OBJECT);
      expectField(json, "format");
      if (!FORMAT.equals(string(json))) {
        throw RuleViolationException.of("state.import.invalid");
      }
      expectField(json, "schema");
      String schema = string(json);
      String own = schemaVersion(db);
      if (!own.equals(schema)) {
        throw RuleViolationException.of("state.import.schema", schema, own);
      }
      expectField(json, "exportedAt");
      string(json);
      if (count(db, "mail_domain") > 0) {
        throw RuleViolationException.of("state.import.notFresh");
      }
      clear(db, tables);
      for (Table table : tables) {
        offsets.put(table.name(), moveSequence(db, table));
      }
      expectField(json, "tables");
      expect(json, JsonParser.Event.START_ARRAY);
      Map<String, Integer> imported = new LinkedHashMap<>();
      for (Table table : tables) {
        imported.put(table.name(), readTable(db, json, table, offsets));
      }
      expect(json, JsonParser.Event.END_ARRAY);
      expect(json, JsonParser.Event.END_OBJECT);
      for (Table table : tables) {
        restartSequence(db, table);
      }
      return new Imported(imported);
    } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
      throw RuleViolationException.of("state.import.invalid");
    } catch (jakarta.json.JsonException unreadable) {
      throw RuleViolationException.of("state.import.invalid");
    }
  }

  private static int readTable(
      Connection db, JsonParser json, Table table, Map<String, Long> offsets)
      throws SQLException, RuleViolationException {
    expect(json, JsonParser.Event.START_OBJECT);
    expectField(json, "name");
    String name = string(json);
    if (!name.equals(table.name())) {
      throw RuleViolationException.of("state.import.tables", name, table.name());
    }
    expectField(json, "columns");
    expect(json, JsonParser.Event.START_ARRAY);
    List<String> columns = new ArrayList<>();
    while (json.next() == JsonParser.Event.VALUE_STRING) {
      columns.add(json.getString());
    }
    if (!columns.equals(table.columns())) {
      throw RuleViolationException.of("state.import.tables", name, table.name());
    }
    expectField(json, "rows");
    expect(json, JsonParser.Event.START_ARRAY);
    // each column's shift: its table's own id, or the id of the table it refers to
    long[] shift = new long[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      String target = column.equals("id") ? table.name() : table.references().get(column);
      shift[i] = target == null ? 0 : offsets.getOrDefault(target, 0L);
    }
    String insert =
        "insert into "
            + table.name()
            + " ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")";
    int rows = 0;
    try (PreparedStatement statement = db.prepareStatement(insert)) {
      JsonParser.Event event;
      while ((event = json.next()) == JsonParser.Event.START_ARRAY) {
        for (int i = 0; i < columns.size(); i++) {
          bind(statement, i + 1, json.next(), json, table.kinds().get(i), shift[i]);
        }
        expect(json, JsonParser.Event.END_ARRAY);
        statement.addBatch();
        if (++rows % BATCH == 0) {
          statement.executeBatch();
        }
      }
      if (event != JsonParser.Event.END_ARRAY) {
        throw RuleViolationException.of("state.import.invalid");
      }
      if (rows % BATCH != 0) {
        statement.executeBatch();
      }
    }
    expect(json, JsonParser.Event.END_OBJECT);
    return rows;
  }

  private static void write(JsonGenerator json, ResultSet rows, int column, Kind kind)
      throws SQLException {
    Object value =
        switch (kind) {
          case NUMBER -> rows.getLong(column);
          case BOOLEAN -> rows.getBoolean(column);
          case TEXT -> rows.getString(column);
          case DECIMAL -> rows.getBigDecimal(column);
          case INSTANT -> rows.getObject(column, OffsetDateTime.class);
          case LOCAL_TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
          case DATE -> rows.getObject(column, LocalDate.class);
          case BINARY -> rows.getBytes(column);
        };
    if (rows.wasNull() || value == null) {
      json.writeNull();
    } else if (value instanceof Long number) {
      json.write(number);
    } else if (value instanceof Boolean truth) {
      json.write(truth);
    } else if (value instanceof byte[] bytes) {
      json.write(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof OffsetDateTime instant) {
      json.write(instant.toInstant().toString());
    } else {
      json.write(value.toString());
    }
  }

  private static void bind(
      PreparedStatement statement,
      int index,
      JsonParser.Event event,
      JsonParser json,
      Kind kind,
      long shift)
      throws SQLException, RuleViolationException {
    if (event == JsonParser.Event.VALUE_NULL) {
      statement.setNull(index, sqlType(kind));
      return;
    }
    switch (kind) {
      case NUMBER -> {
        if (event != JsonParser.Event.VALUE_NUMBER) {
          throw RuleViolationException.of("state.import.invalid");
        }
        statement.setLong(index, json.getLong() + shift);
      }
      case BOOLEAN -> {
        if (event != JsonParser.Event.VALUE_TRUE && event != JsonParser.Event.VALUE_FALSE) {
          throw RuleViolationException.of("state.import.invalid");
        }
        statement.setBoolean(index, event == JsonParser.Event.VALUE_TRUE);
      }
      case TEXT -> statement.setString(index, text(event, json));
      case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(text(event, json)));
      case INSTANT ->
          statement.setObject(
              index, Instant.parse(text(event, json)).atOffset(java.time.ZoneOffset.UTC));
      case LOCAL_TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(text(event, json)));
      case DATE -> statement.setObject(index, LocalDate.parse(text(event, json)));
      case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(text(event, json)));
    }
  }

  private static String text(JsonParser.Event event, JsonParser json)
      throws RuleViolationException {
    if (event != JsonParser.Event.VALUE_STRING) {
      throw RuleViolationException.of("state.import.invalid");
    }
    return json.getString();
  }

  private static int sqlType(Kind kind) {
    return switch (kind) {
      case NUMBER -> Types.BIGINT;
      case BOOLEAN -> Types.BOOLEAN;
      case TEXT -> Types.VARCHAR;
      case DECIMAL -> Types.NUMERIC;
      case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
      case LOCAL_TIMESTAMP -> Types.TIMESTAMP;
      case DATE -> Types.DATE;
      case BINARY -> Types.VARBINARY;
    };
  }

  // --- the database's tables, as its metadata says

  /**
   * The state tables with their columns and foreign keys, parents first. A state table referring to
   * a table outside the state would make a file that cannot be imported: refused as a defect.
   */
  private static List<Table> describe(Connection db) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    List<Table> tables = new ArrayList<>();
    for (String name : TABLES) {
      Map<String, String> references = new LinkedHashMap<>();
      try (ResultSet keys = meta.getImportedKeys(null, db.getSchema(), stored(meta, name))) {
        while (keys.next()) {
          String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!TABLES.contains(parent)) {
            throw new IllegalStateException(
                name + " refers to " + parent + ", which the state file does not hold");
          }
          if (TABLES.indexOf(parent) > TABLES.indexOf(name)) {
            throw new IllegalStateException(name + " comes before its parent " + parent);
          }
          if (keys.getString("PKCOLUMN_NAME").equalsIgnoreCase("id")) {
            references.put(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT), parent);
          }
        }
      }
      List<String> columns = new ArrayList<>();
      List<Kind> kinds = new ArrayList<>();
      try (Statement statement = db.createStatement();
          ResultSet none = statement.executeQuery("select * from " + name + " where 1 = 0")) {
        ResultSetMetaData shape = none.getMetaData();
        for (int i = 1; i <= shape.getColumnCount(); i++) {
          columns.add(shape.getColumnName(i).toLowerCase(Locale.ROOT));
          kinds.add(kind(shape.getColumnType(i), shape.getColumnTypeName(i)));
        }
      }
      tables.add(new Table(name, List.copyOf(columns), List.copyOf(kinds), references));
    }
    return tables;
  }

  private static Kind kind(int type, String typeName) {
    String lower = typeName.toLowerCase(Locale.ROOT);
    return switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.NUMBER;
      case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
      case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.FLOAT -> Kind.DECIMAL;
      case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.INSTANT;
      // PostgreSQL's driver calls timestamptz a TIMESTAMP
      case Types.TIMESTAMP ->
          lower.contains("tz") || lower.contains("time zone") ? Kind.INSTANT : Kind.LOCAL_TIMESTAMP;
      case Types.DATE -> Kind.DATE;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          Kind.TEXT;
      default -> throw new IllegalStateException("a column of type " + typeName);
    };
  }

  /** A table's name as the database's metadata spells it (H2: upper case). */
  private static String stored(DatabaseMetaData meta, String name) throws SQLException {
    return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
  }

  /** The version of the last migration Flyway applied. */
  static String schemaVersion(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select \"version\" from \"flyway_schema_history\""
                    + " where \"success\" = true and \"version\" is not null")) {
      int highest = 0;
      while (rows.next()) {
        highest = Math.max(highest, Integer.parseInt(rows.getString(1)));
      }
      return Integer.toString(highest);
    }
  }

  private static long count(Connection db, String table) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Empties the state tables and every table referring to them, children first: on a Postroom
   * serving no domain that is its first administrator and what refers to them (their logins, API
   * tokens, dismissed notices).
   */
  private static void clear(Connection db, List<Table> tables) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    Set<String> referring = new LinkedHashSet<>();
    List<String> parents = new ArrayList<>(TABLES);
    for (int i = 0; i < parents.size(); i++) {
      try (ResultSet keys =
          meta.getExportedKeys(null, db.getSchema(), stored(meta, parents.get(i)))) {
        while (keys.next()) {
          String child = keys.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!TABLES.contains(child) && referring.add(child)) {
            parents.add(child);
          }
        }
      }
    }
    try (Statement statement = db.createStatement()) {
      // tables outside the state refer to it and to each other in the order found: latest first
      List<String> outside = new ArrayList<>(referring);
      java.util.Collections.reverse(outside);
      for (String table : outside) {
        statement.executeUpdate("delete from " + table);
      }
      for (int i = tables.size() - 1; i >= 0; i--) {
        statement.executeUpdate("delete from " + tables.get(i).name());
      }
    }
  }

  /**
   * Takes the table's sequence past every id a node may hold in its pool, and returns where the
   * file's ids start; 0 for a table without a sequence of its own.
   */
  private static long moveSequence(Connection db, Table table) throws SQLException {
    String sequence = table.name() + "_seq";
    if (!table.columns().contains("id") || !sequenceExists(db, sequence)) {
      return 0;
    }
    boolean postgres =
        db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    String next =
        postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    try (Statement statement = db.createStatement();
        ResultSet value = statement.executeQuery(next)) {
      value.next();
      return value.getLong(1) + SEQUENCE_MARGIN;
    }
  }

  /** Lets the sequence continue after the highest id now in the table. */
  private static void restartSequence(Connection db, Table table) throws SQLException {
    String sequence = table.name() + "_seq";
    if (!table.columns().contains("id") || !sequenceExists(db, sequence)) {
      return;
    }
    long highest;
    try (Statement statement = db.createStatement();
        ResultSet value =
            statement.executeQuery("select coalesce(max(id), 0) from " + table.name())) {
      value.next();
      highest = value.getLong(1);
    }
    if (highest == 0) {
      return;
    }
    try (Statement statement = db.createStatement()) {
      statement.executeUpdate(
          "alter sequence " + sequence + " restart with " + (highest + SEQUENCE_MARGIN));
    }
  }

  private static boolean sequenceExists(Connection db, String sequence) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "select count(*) from information_schema.sequences where lower(sequence_name) = ?")) {
      statement.setString(1, sequence);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  // --- reading the file

  private static void expect(JsonParser json, JsonParser.Event wanted)
      throws RuleViolationException {
    if (!json.hasNext() || json.next() != wanted) {
      throw RuleViolationException.of("state.import.invalid");
    }
  }

  private static void expectField(JsonParser json, String name) throws RuleViolationException {
    expect(json, JsonParser.Event.KEY_NAME);
    if (!json.getString().equals(name)) {
      throw RuleViolationException.of("state.import.invalid");
    }
  }

  private static String string(JsonParser json) throws RuleViolationException {
    expect(json, JsonParser.Event.VALUE_STRING);
    return json.getString();
  }
}
