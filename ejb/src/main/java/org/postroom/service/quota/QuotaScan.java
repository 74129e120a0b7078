package org.postroom.service.quota;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.mailsystem.DoveadmClient;
import org.postroom.service.mailsystem.DovecotSettings;
import org.postroom.service.mailsystem.MailSystems;
import org.postroom.service.quota.QuotaFigures.Reading;

/**
 * Reads the quota used of every mailbox from the mail server and stores it with the time it was
 * read, so that pages show stored figures and never wait for the mail server. Each server is asked
 * once, for all its users ({@code quotaGet} with {@code allUsers} on its doveadm HTTP API: the work
 * of {@code doveadm quota get -A}, streamed back and read as it comes), then Postroom's mailboxes
 * are stored a page at a time from that answer. A mailbox its server did not answer for (or one
 * whose server has no doveadm settings, or is down) keeps its last figure and is counted as failed.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class QuotaScan {

  private static final Logger LOG = Logger.getLogger(QuotaScan.class.getName());

  static final int PAGE = 500;

  /** Long enough for a server of 200,000 users (doveadm reads about 700 a second here). */
  static final Duration ALL_USERS_TIMEOUT = Duration.ofMinutes(30);

  private static final String ALL_USERS = "[[\"quotaGet\", {\"allUsers\": true}, \"all\"]]";

  @Inject DoveadmClient server;
  @Inject MailSystems mailSystems;
  @Inject QuotaFigures figures;
  @Inject QuotaWarnings warnings;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QuotaScanReport scan() {
    if (!server.configured()) {
      LOG.info("No mail server is configured: there is no quota usage to read");
      return QuotaScanReport.skippedRun();
    }
    long start = System.nanoTime();
    Map<String, Optional<Map<String, Long>>> usageByServer = new HashMap<>();
    int read = 0;
    int failed = 0;
    long after = 0;
    List<Reading> page;
    while (!(page = figures.page(after, PAGE)).isEmpty()) {
      after = page.get(page.size() - 1).id();
      Map<Long, Long> used = new HashMap<>();
      for (Reading mailbox : page) {
        usageByServer
            .computeIfAbsent(mailbox.serverKey(), this::readServer)
            .map(usage -> usage.get(mailbox.address().toLowerCase(Locale.ROOT)))
            .ifPresent(bytes -> used.put(mailbox.id(), bytes));
      }
      figures.store(used, Instant.now());
      read += used.size();
      failed += page.size() - used.size();
    }
    int total = read;
    int missed = failed;
    LOG.info(() -> "Quota scan: " + total + " mailboxes read, " + missed + " not answered");
    warnings.run();
    return new QuotaScanReport(read, failed, (System.nanoTime() - start) / 1_000_000, false);
  }

  /** The storage each user of the server uses, in bytes by username; empty if it cannot tell. */
  private Optional<Map<String, Long>> readServer(String key) {
    DovecotSettings settings = mailSystems.settings(key);
    if (!settings.doveadmConfigured()) {
      LOG.fine(() -> "No doveadm settings for mail server " + key + ": quota not read");
      return Optional.empty();
    }
    try {
      return Optional.of(
          server.doveadm(settings, ALL_USERS, ALL_USERS_TIMEOUT, QuotaScan::storageByUser));
    } catch (IOException | JsonException e) {
      LOG.warning(() -> "Mail server " + key + " did not answer the quota scan: " + e);
      return Optional.empty();
    }
  }

  /**
   * Reads doveadm's answer to {@code quotaGet} for all users ({@code [["doveadmResponse",
   * [{"username": …, "type": "STORAGE", "value": KiB, …}, …], "all"]]}) row by row, keeping the
   * storage rows. A user doveadm could not read is left out of its answer (or has "error" as
   * value).
   */
  static Map<String, Long> storageByUser(InputStream answer) throws IOException {
    Map<String, Long> used = new HashMap<>();
    try (JsonParser parser = Json.createParser(answer)) {
      expect(parser, Event.START_ARRAY);
      expect(parser, Event.START_ARRAY);
      expect(parser, Event.VALUE_STRING);
      if (!"doveadmResponse".equals(parser.getString())) {
        parser.next();
        throw new IOException("doveadm answered " + parser.getValue());
      }
      expect(parser, Event.START_ARRAY);
      Event event;
      while ((event = parser.next()) == Event.START_OBJECT) {
        JsonObject row = parser.getObject();
        if ("STORAGE".equalsIgnoreCase(row.getString("type", ""))) {
          try {
            // doveadm counts storage in KiB
            used.put(
                row.getString("username", "").toLowerCase(Locale.ROOT),
                Long.parseLong(row.getString("value", "")) * 1024);
          } catch (NumberFormatException e) {
            LOG.fine(() -> "No quota read for " + row.getString("username", "?") + ": " + row);
          }
        }
      }
      if (event != Event.END_ARRAY) {
        throw new IOException("doveadm's answer is not a list of quota rows: " + event);
      }
    }
    return used;
  }

  private static void expect(JsonParser parser, Event expected) throws IOException {
    Event event = parser.hasNext() ? parser.next() : null;
    if (event != expected) {
      throw new IOException("doveadm's answer is not as expected: " + event + " for " + expected);
    }
  }
}
