package org.postroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.postroom.service.common.Settings;

/**
 * The benchmarks' baseline: ManageSieve spoken directly (RFC 5804) to the end-to-end stack's
 * Dovecot, as the mailbox through Postroom's master user, over loopback without TLS (Dovecot counts
 * loopback as secured) and without anything of Postroom's in between.
 */
final class RawManageSieve implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  /** A session of the mailbox, logged in. */
  RawManageSieve(String address) throws IOException {
    socket =
        new Socket(
            Settings.get("postroom.mail.imap.host").orElseThrow(),
            Integer.parseInt(Settings.get("postroom.mail.sieve.port").orElseThrow()));
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
    expectOk();
    String credentials =
        address
            + "\0"
            + Settings.get("postroom.mail.master.user").orElseThrow()
            + "\0"
            + Settings.get("postroom.mail.master.password").orElseThrow();
    send(
        "AUTHENTICATE \"PLAIN\" \""
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
            + "\"\r\n");
    expectOk();
  }

  void putScript(String name, String script) throws IOException {
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    send("PUTSCRIPT \"" + name + "\" {" + bytes.length + "+}\r\n");
    out.write(bytes);
    send("\r\n");
    expectOk();
  }

  void setActive(String name) throws IOException {
    send("SETACTIVE \"" + name + "\"\r\n");
    expectOk();
  }

  @Override
  public void close() throws IOException {
    try {
      send("LOGOUT\r\n");
      expectOk();
    } finally {
      socket.close();
    }
  }

  private void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads lines up to the response (OK, NO or BYE); anything but OK fails the benchmark. */
  private void expectOk() throws IOException {
    while (true) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("ManageSieve closed the connection");
      }
      if (line.startsWith("OK")) {
        return;
      }
      if (line.startsWith("NO") || line.startsWith("BYE")) {
        throw new IOException("ManageSieve: " + line);
      }
    }
  }
}
