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
    return deliver(
        Integer.parseInt(Settings.get("postroom.mail.lmtp.port").orElseThrow()),
        from,
        to,
        subject,
        bodyBytes);
  }

  /** Delivers to the Dovecot whose LMTP listens on the port (a second mail server). */
  static String deliver(int port, String from, String to, String subject, int bodyBytes)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = socket.getOutputStream();
      Smtp.expect(in, "220");
      Smtp.command(out, "LHLO postroom-tests");
      Smtp.expect(in, "250");
      Smtp.command(out, "MAIL FROM:<" + from + ">");
      Smtp.expect(in, "250");
      Smtp.command(out, "RCPT TO:<" + to + ">");
      Smtp.expect(in, "250");
      Smtp.command(out, "DATA");
      Smtp.expect(in, "354");
      out.write(Smtp.message(from, to, subject, bodyBytes).getBytes(StandardCharsets.US_ASCII));
      out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = Smtp.reply(in);
      Smtp.command(out, "QUIT");
      return answer;
    }
  }
}
