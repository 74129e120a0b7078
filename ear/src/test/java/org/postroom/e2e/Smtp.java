package org.postroom.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.postroom.service.common.Settings;

/**
 * Sends a message to the end-to-end suite's Postfix over SMTP, as another mail server would, and
 * returns its answers: to the recipient and, when that was accepted, to the data. The sender may
 * announce the message's size ({@code MAIL FROM:<…> SIZE=n}, RFC 1870), as mail servers do. Its
 * line protocol serves LMTP too.
 */
final class Smtp {

  record Answers(String rcpt, String data) {

    boolean accepted() {
      return rcpt.startsWith("250") && data != null && data.startsWith("250");
    }
  }

  private Smtp() {}

  /** The port of the suite's Postfix, when it runs (a second Postfix instance needs root). */
  static Optional<Integer> port() {
    int port = Integer.parseInt(Settings.get("postroom.e2e.postfix.port").orElseThrow());
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      return Optional.of(port);
    } catch (IOException notRunning) {
      return Optional.empty();
    }
  }

  static Answers send(String from, String to, String subject, int bodyBytes, boolean announceSize)
      throws IOException {
    String message = message(from, to, subject, bodyBytes);
    try (Socket socket = new Socket("127.0.0.1", port().orElseThrow())) {
      socket.setSoTimeout(30_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      expect(in, "220");
      command(out, "EHLO sender.postroom.test");
      expect(in, "250");
      command(out, "MAIL FROM:<" + from + ">" + (announceSize ? " SIZE=" + message.length() : ""));
      expect(in, "250");
      command(out, "RCPT TO:<" + to + ">");
      String rcpt = reply(in);
      String data = null;
      if (rcpt.startsWith("250")) {
        command(out, "DATA");
        expect(in, "354");
        out.write(message.getBytes(StandardCharsets.US_ASCII));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        data = reply(in);
      }
      command(out, "QUIT");
      return new Answers(rcpt, data);
    }
  }

  static String message(String from, String to, String subject, int bodyBytes) {
    StringBuilder message =
        new StringBuilder()
            .append("From: <")
            .append(from)
            .append(">\r\nTo: <")
            .append(to)
            .append(">\r\nSubject: ")
            .append(subject)
            .append("\r\n\r\n");
    String line = "y".repeat(76) + "\r\n";
    message.append("A test message.\r\n");
    for (int written = 0; written < bodyBytes; written += line.length()) {
      message.append(line);
    }
    return message.toString();
  }

  static void command(OutputStream out, String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One reply, possibly of several lines: its last line. */
  static String reply(BufferedReader in) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed");
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
    return line;
  }

  static void expect(BufferedReader in, String code) throws IOException {
    String line = reply(in);
    if (!line.startsWith(code)) {
      throw new IOException("expected " + code + ", got " + line);
    }
  }
}
