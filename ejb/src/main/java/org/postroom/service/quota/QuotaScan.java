package org.postroom.service.quota;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.service.mailsystem.DoveadmClient;
import org.postroom.service.mailsystem.DovecotSettings;
import org.postroom.service.mailsystem.MailSystems;
import org.postroom.service.quota.QuotaFigures.Reading;

/**
 * Reads the quota used of every mailbox from the mail server and stores it with the time it was
 * read, so that pages show stored figures and never wait for the mail server. Mailboxes are read a
 * page at a time from the doveadm HTTP API of the server each lives on, in at most {@value
 * #CONNECTIONS} requests at once; a mailbox its server cannot answer for (or one whose server has
 * no doveadm settings) keeps its last figure and is counted as failed.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class QuotaScan {

  private static final Logger LOG = Logger.getLogger(QuotaScan.class.getName());

  static final int PAGE = 500;
  static final int CONNECTIONS = 4;

  @Inject DoveadmClient server;
  @Inject MailSystems mailSystems;
  @Inject QuotaFigures figures;
  @Inject QuotaWarnings warnings;
  @Resource ManagedExecutorService executor;

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public QuotaScanReport scan() {
    if (!server.configured()) {
      LOG.info("No mail server is configured: there is no quota usage to read");
      return QuotaScanReport.skippedRun();
    }
    long start = System.nanoTime();
    int read = 0;
    int failed = 0;
    long after = 0;
    List<Reading> page;
    while (!(page = figures.page(after, PAGE)).isEmpty()) {
      after = page.get(page.size() - 1).id();
      Map<Long, Long> used = readAll(page);
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

  /** The page's usage in bytes by mailbox id, read in {@value #CONNECTIONS} requests at once. */
  private Map<Long, Long> readAll(List<Reading> page) {
    List<Future<Map<Long, Long>>> lanes = new ArrayList<>();
    for (int lane = 0; lane < CONNECTIONS; lane++) {
      Map<String, List<Reading>> share = new LinkedHashMap<>();
      for (int i = lane; i < page.size(); i += CONNECTIONS) {
        share.computeIfAbsent(page.get(i).serverKey(), k -> new ArrayList<>()).add(page.get(i));
      }
      lanes.add(executor.submit(() -> readLane(share)));
    }
    Map<Long, Long> used = new HashMap<>();
    for (Future<Map<Long, Long>> lane : lanes) {
      try {
        used.putAll(lane.get());
      } catch (ExecutionException e) {
        LOG.warning(() -> "A quota scan lane failed: " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("The quota scan was interrupted", e);
      }
    }
    return used;
  }

  /** The lane's mailboxes, one request to each server's doveadm API. */
  private Map<Long, Long> readLane(Map<String, List<Reading>> byServer) {
    Map<Long, Long> used = new HashMap<>();
    byServer.forEach(
        (key, mailboxes) -> {
          DovecotSettings settings = mailSystems.settings(key);
          if (!settings.doveadmConfigured()) {
            LOG.fine(() -> "No doveadm settings for mail server " + key + ": quota not read");
            return;
          }
          try {
            used.putAll(read(settings, mailboxes));
          } catch (IOException e) {
            LOG.warning(() -> "Mail server " + key + " did not answer the quota scan: " + e);
          }
        });
    return used;
  }

  /** One request to the server's doveadm API for these mailboxes, tagged by mailbox id. */
  private Map<Long, Long> read(DovecotSettings settings, List<Reading> mailboxes)
      throws IOException {
    JsonArrayBuilder commands = Json.createArrayBuilder();
    for (Reading mailbox : mailboxes) {
      commands.add(
          Json.createArrayBuilder()
              .add("quotaGet")
              .add(Json.createObjectBuilder().add("user", mailbox.address()))
              .add(String.valueOf(mailbox.id())));
    }
    Map<Long, Long> used = new HashMap<>();
    try (JsonReader reader =
        Json.createReader(
            new StringReader(server.doveadm(settings, commands.build().toString())))) {
      for (JsonValue entry : reader.readArray()) {
        JsonArray answer = entry.asJsonArray();
        if (!"doveadmResponse".equals(answer.getString(0))) {
          LOG.fine(() -> "No quota read for mailbox " + answer.getString(2) + ": " + answer.get(1));
          continue;
        }
        for (JsonValue row : answer.getJsonArray(1)) {
          JsonObject quota = row.asJsonObject();
          if ("STORAGE".equalsIgnoreCase(quota.getString("type", ""))) {
            // doveadm counts storage in KiB
            used.put(
                Long.valueOf(answer.getString(2)),
                Long.parseLong(quota.getString("value", "0")) * 1024);
          }
        }
      }
    }
    return used;
  }
}
