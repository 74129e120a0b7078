package org.postroom.service.mailsystem;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Where Postroom reaches its Dovecots' administration, from the environment ({@link
 * DovecotSettings}; for the default server {@code POSTROOM_MAIL_DOVEADM_URL} (e.g. {@code
 * https://mail1.example.org:8080/doveadm/v1}; HTTPS, as the templates in mail-system/ serve it, so
 * that the key never travels in the clear, trusted as {@link MailServerTrust} says) and {@code
 * POSTROOM_MAIL_DOVEADM_API_KEY}). Without both none is attached (the embedded default). Sends
 * batches of doveadm commands to its HTTP API: many mailboxes in one request, without an IMAP login
 * per mailbox (nine times slower in the quota benchmark).
 */
@ApplicationScoped
public class DoveadmClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .sslContext(MailServerTrust.context())
          .build();

  /** Whether the default server's API is set. */
  public boolean configured() {
    return DovecotSettings.of(null).doveadmConfigured();
  }

  /** Runs a batch on the default server's API (see {@link #doveadm(DovecotSettings, String)}). */
  public String doveadm(String commands) throws IOException {
    return doveadm(DovecotSettings.of(null), commands);
  }

  /**
   * Runs a JSON batch of doveadm commands ({@code [["quotaGet", {"user": "…"}, "tag"], …]}) on the
   * server's API and answers the JSON response, one entry per command with its tag.
   */
  public String doveadm(DovecotSettings server, String commands) throws IOException {
    return doveadm(
        server, commands, TIMEOUT, body -> new String(body.readAllBytes(), StandardCharsets.UTF_8));
  }

  /**
   * Runs a JSON batch of doveadm commands on the server's API and hands its response to {@code
   * answer} as it arrives (a command for all users answers with a row per user: it is read as a
   * stream, not held whole), waiting at most {@code timeout} for it.
   */
  public <T> T doveadm(DovecotSettings server, String commands, Duration timeout, Answer<T> answer)
      throws IOException {
    String key = server.doveadmKey().orElseThrow();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.doveadmUrl().orElseThrow()))
            .timeout(timeout)
            .header(
                "Authorization",
                "X-Dovecot-API "
                    + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(commands))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("doveadm answered HTTP " + response.statusCode());
        }
        return answer.read(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for doveadm", e);
    }
  }

  /** Reads a doveadm API response. */
  @FunctionalInterface
  public interface Answer<T> {
    T read(InputStream body) throws IOException;
  }
}
