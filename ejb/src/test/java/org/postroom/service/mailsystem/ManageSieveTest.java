package org.postroom.service.mailsystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The ManageSieve client's reading of answers, against a scripted server on loopback (the real
 * Dovecot is the end-to-end suite's): octet-counted literals with non-ASCII text, a script whose
 * first line looks like an answer, response codes, and what a command sends.
 */
class ManageSieveTest {

  @Test
  void answersAreParsedWithTheirCodeAndText() {
    ManageSieve.Response no =
        ManageSieve.parseResponse("NO (NONEXISTENT) \"There is no script by that name\"");
    assertEquals("NO", no.status());
    assertEquals("NONEXISTENT", no.code());
    assertEquals("There is no script by that name", no.text());
    assertTrue(ManageSieve.parseResponse("NO (TRYLATER) \"busy\"").isTemporary());
    assertTrue(ManageSieve.parseResponse("OK").ok());
    assertEquals("a \"b\" \\c", ManageSieve.parseResponse("OK \"a \\\"b\\\" \\\\c\"").text());
  }

  @Test
  void aScriptIsSentAndReadAsOctetsWhateverItHolds() throws Exception {
    String script = "OK this first line is data\nrequire \"vacation\"; # æøå 🙂\n";
    byte[] octets = script.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> serving =
          CompletableFuture.runAsync(
              () -> {
                try (Socket client = server.accept()) {
                  OutputStream out = client.getOutputStream();
                  InputStream in = client.getInputStream();
                  out.write(
                      ("\"IMPLEMENTATION\" \"Test\"\r\n\"SIEVE\" \"vacation\"\r\nOK \"ready\"\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  // PUTSCRIPT "postroom" {N+}CRLF <octets> CRLF
                  String expected =
                      "PUTSCRIPT \"postroom\" {" + octets.length + "+}\r\n" + script + "\r\n";
                  byte[] command = in.readNBytes(expected.getBytes(StandardCharsets.UTF_8).length);
                  received.writeBytes(command);
                  out.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
                  in.readNBytes("GETSCRIPT \"postroom\"\r\n".length());
                  out.write(("{" + octets.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
                  out.write(octets);
                  out.write(
                      "\r\nOK \"Getscript completed.\"\r\n".getBytes(StandardCharsets.US_ASCII));
                  in.readNBytes("GETSCRIPT \"other\"\r\n".length());
                  out.write(
                      "NO (NONEXISTENT) \"Script does not exist.\"\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (ManageSieve client =
          ManageSieve.connect("127.0.0.1", server.getLocalPort(), false, 5000)) {
        assertEquals(
            List.of("\"IMPLEMENTATION\" \"Test\"", "\"SIEVE\" \"vacation\""),
            client.capabilities());
        client.putScript("postroom", script);
        assertEquals(Optional.of(script), client.getScript("postroom"));
        assertEquals(Optional.empty(), client.getScript("other"));
      }
      serving.get();
    }
    assertEquals(
        "PUTSCRIPT \"postroom\" {" + octets.length + "+}\r\n" + script + "\r\n",
        received.toString(StandardCharsets.UTF_8));
  }
}
