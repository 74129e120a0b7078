package org.postroom.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.postroom.service.common.Settings;

/**
 * Delivers a message to the test Dovecot over LMTP (RFC 2033), as Postfix does: the answer is
 * Dovecot's reply to the data for the one recipient, e.g. {@code 250 2.0.0 … Saved} or {@code 552
 * 5.2.2 … Quota exceeded}.
 */
final class Lmtp {

  private Lmtp() {}

  static String deliver(String from, String to, String subject, int bodyBytes) throws IOException {
    try (Socket socket =
        new Socket(
            "127.0.0.1", Integer.parseInt(Settings.get("postroom.mail.lmtp.port").orElseThrow()))) {
      socket.setSoTimeout(15_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      expect(in, "220");
      send(out, "LHLO postroom-tests");
      expect(in, "250");
      send(out, "MAIL FROM:<" + from + ">");
      expect(in, "250");
      send(out, "RCPT TO:<" + to + ">");
      expect(in, "250");
      send(out, "DATA");
      expect(in, "354");
      StringBuilder message =
          new StringBuilder()
              .append("From: <")
              .append(from)
              .append(">\r\nTo: <")
              .append(to)
              .append(">\r\nSubject: ")
              .append(subject)
              .append("\r\n\r\n");
      String line = "x".repeat(76) + "\r\n";
      for (int written = 0; written < bodyBytes; written += line.length()) {
        message.append(line);
      }
      message.append(".\r\n");
      out.write(message.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = in.readLine();
      send(out, "QUIT");
      return answer;
    }
  }

  private static void send(OutputStream out, String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one (possibly multi-line) reply and checks its code. */
  private static void expect(BufferedReader in, String code) throws IOException {
    String line;
    do {
      line = in.readLine();
      if (line == null || !line.startsWith(code)) {
        throw new IOException("LMTP: expected " + code + ", got " + line);
      }
    } while (line.length() > 3 && line.charAt(3) == '-');
  }
}
