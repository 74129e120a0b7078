package org.postroom.service.mailsystem;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * A ManageSieve client (RFC 5804) for what Postroom needs: log in as a mailbox through the master
 * user (SASL PLAIN with an authorization identity), and put, check, activate, list, get and delete
 * scripts. Written here rather than taken from managesievej 0.3.1 (the one Java client on Central):
 * that library is unmaintained since 2020 and drags in slf4j 1.6, and the protocol part Postroom
 * needs is small, octet-counted literals being the one subtle point. One connection serves one
 * mailbox; it is not thread-safe.
 */
final class ManageSieve implements Closeable {

  /** A server answer: OK, NO or BYE, its response code if any, and its human-readable text. */
  record Response(String status, String code, String text) {
    boolean ok() {
      return "OK".equals(status);
    }

    /** The server cannot now (RFC 5804 TRYLATER, or BYE), not "no" to the command. */
    boolean isTemporary() {
      return "BYE".equals(status)
          || code != null && code.toUpperCase(java.util.Locale.ROOT).startsWith("TRYLATER");
    }

    @Override
    public String toString() {
      return status + (code == null ? "" : " (" + code + ")") + (text == null ? "" : " " + text);
    }
  }

  /** What the server said when a command failed. */
  static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    final transient Response response;

    RefusedException(String command, Response response) {
      super(command + ": " + response);
      this.response = response;
    }
  }

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final List<String> capabilities = new ArrayList<>();

  private ManageSieve() {}

  /**
   * Connects, upgrades to TLS when asked ({@code starttls}), and reads the greeting.
   *
   * @param timeoutMillis for the connection and every answer
   */
  static ManageSieve connect(String host, int port, boolean starttls, int timeoutMillis)
      throws IOException {
    ManageSieve client = new ManageSieve();
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      client.attach(plain);
      client.readCapabilities();
      if (starttls) {
        client.command("STARTTLS");
        SSLSocket tls =
            (SSLSocket)
                MailServerTrust.context().getSocketFactory().createSocket(plain, host, port, true);
        javax.net.ssl.SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        client.attach(tls);
        // RFC 5804 2.2: the server sends its capabilities again after the handshake
        client.readCapabilities();
      }
      return client;
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private void attach(Socket s) throws IOException {
    socket = s;
    in = new BufferedInputStream(s.getInputStream());
    out = s.getOutputStream();
  }

  private void readCapabilities() throws IOException {
    capabilities.clear();
    List<String> lines = new ArrayList<>();
    Response greeting = readResponse(lines);
    if (!greeting.ok()) {
      throw new RefusedException("greeting", greeting);
    }
    capabilities.addAll(lines);
  }

  List<String> capabilities() {
    return List.copyOf(capabilities);
  }

  /**
   * SASL PLAIN: log in as the master user {@code authcid}, acting as the mailbox {@code authzid}.
   */
  void authenticate(String authzid, String authcid, String password) throws IOException {
    String token =
        Base64.getEncoder()
            .encodeToString(
                (authzid + '\0' + authcid + '\0' + password).getBytes(StandardCharsets.UTF_8));
    command("AUTHENTICATE \"PLAIN\" " + quoted(token));
  }

  void putScript(String name, String script) throws IOException {
    command("PUTSCRIPT " + quoted(name) + " ", script);
  }

  void checkScript(String script) throws IOException {
    command("CHECKSCRIPT ", script);
  }

  /** Makes the script the active one; the empty name deactivates every script. */
  void setActive(String name) throws IOException {
    command("SETACTIVE " + quoted(name));
  }

  void deleteScript(String name) throws IOException {
    command("DELETESCRIPT " + quoted(name));
  }

  /** The mailbox's scripts, the active one flagged. */
  List<Script> listScripts() throws IOException {
    send("LISTSCRIPTS", null);
    List<String> lines = new ArrayList<>();
    Response response = readResponse(lines);
    if (!response.ok()) {
      throw new RefusedException("LISTSCRIPTS", response);
    }
    List<Script> scripts = new ArrayList<>();
    for (String line : lines) {
      Cursor cursor = new Cursor(line);
      String name = cursor.string();
      scripts.add(new Script(name, cursor.rest().strip().equalsIgnoreCase("ACTIVE")));
    }
    return scripts;
  }

  record Script(String name, boolean active) {}

  /** The script's text, or empty when the server has none of that name. */
  Optional<String> getScript(String name) throws IOException {
    send("GETSCRIPT " + quoted(name), null);
    List<String> lines = new ArrayList<>();
    Response response = readResponse(lines);
    if (response.ok()) {
      return Optional.of(lines.isEmpty() ? "" : lines.get(0));
    }
    if ("NONEXISTENT".equalsIgnoreCase(response.code())) {
      return Optional.empty();
    }
    throw new RefusedException("GETSCRIPT", response);
  }

  void logout() throws IOException {
    send("LOGOUT", null);
    readResponse(new ArrayList<>());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void command(String command) throws IOException {
    command(command, null);
  }

  private void command(String command, String literal) throws IOException {
    send(command, literal);
    Response response = readResponse(new ArrayList<>());
    if (!response.ok()) {
      String verb = command.strip();
      throw new RefusedException(
          verb.substring(0, verb.indexOf(' ') < 0 ? verb.length() : verb.indexOf(' ')), response);
    }
  }

  /** A command line, optionally followed by a non-synchronizing literal of octets ({N+}). */
  private void send(String command, String literal) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(command.getBytes(StandardCharsets.UTF_8));
    if (literal != null) {
      byte[] octets = literal.getBytes(StandardCharsets.UTF_8);
      bytes.writeBytes(("{" + octets.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
      bytes.writeBytes(octets);
    }
    bytes.writeBytes(new byte[] {'\r', '\n'});
    out.write(bytes.toByteArray());
    out.flush();
  }

  /**
   * Reads data lines (a literal's content counts as one line) until the OK/NO/BYE that ends the
   * answer.
   */
  private Response readResponse(List<String> data) throws IOException {
    while (true) {
      Line read = readLineWithLiterals();
      String line = read.text();
      String upper = line.toUpperCase(java.util.Locale.ROOT);
      if (!read.literal()
          && (upper.equals("OK")
              || upper.startsWith("OK ")
              || upper.equals("NO")
              || upper.startsWith("NO ")
              || upper.equals("BYE")
              || upper.startsWith("BYE "))) {
        return parseResponse(line);
      }
      data.add(line);
    }
  }

  /**
   * One line; where it ends in a literal ({@code {N}} or {@code {N+}}), the literal's octets are
   * read and the line continues after them. A line that is only a literal is returned as its
   * content (GETSCRIPT).
   */
  private record Line(String text, boolean literal) {}

  private Line readLineWithLiterals() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      String part = readLine();
      int open = part.lastIndexOf('{');
      if (part.endsWith("}") && open >= 0) {
        String count = part.substring(open + 1, part.length() - 1).replace("+", "");
        int length = Integer.parseInt(count);
        byte[] octets = in.readNBytes(length);
        if (octets.length < length) {
          throw new EOFException("the server closed the connection inside a literal");
        }
        String prefix = part.substring(0, open);
        String content = new String(octets, StandardCharsets.UTF_8);
        if (prefix.isEmpty() && line.length() == 0) {
          // a bare literal (GETSCRIPT's script): its content, then the line's (empty) rest
          readLine();
          return new Line(content, true);
        }
        line.append(prefix).append(Cursor.quote(content));
        continue;
      }
      return new Line(line.append(part).toString(), false);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (b == '\n' && previous == '\r') {
        byte[] all = bytes.toByteArray();
        return new String(all, 0, all.length - 1, StandardCharsets.UTF_8);
      }
      bytes.write(b);
      previous = b;
    }
  }

  static Response parseResponse(String line) {
    Cursor cursor = new Cursor(line);
    String status = cursor.atom().toUpperCase(java.util.Locale.ROOT);
    cursor.skipSpaces();
    String code = null;
    if (!cursor.atEnd() && cursor.peek() == '(') {
      code = cursor.until(')').substring(1);
      cursor.skipSpaces();
    }
    String text = cursor.atEnd() ? null : cursor.peek() == '"' ? cursor.string() : cursor.rest();
    return new Response(status, code, text);
  }

  /** Quotes a string for a command: ManageSieve escapes only the quote and the backslash. */
  static String quoted(String value) {
    return Cursor.quote(value);
  }

  /** Reads atoms and quoted strings off a response line. */
  static final class Cursor {
    private final String line;
    private int at;

    Cursor(String line) {
      this.line = line;
    }

    static String quote(String value) {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    boolean atEnd() {
      return at >= line.length();
    }

    char peek() {
      return line.charAt(at);
    }

    void skipSpaces() {
      while (!atEnd() && line.charAt(at) == ' ') {
        at++;
      }
    }

    String atom() {
      int start = at;
      while (!atEnd() && line.charAt(at) != ' ') {
        at++;
      }
      return line.substring(start, at);
    }

    String until(char end) {
      int start = at;
      int close = line.indexOf(end, at);
      at = close < 0 ? line.length() : close + 1;
      return line.substring(start, close < 0 ? line.length() : close);
    }

    String string() {
      skipSpaces();
      if (atEnd() || peek() != '"') {
        return atom();
      }
      StringBuilder value = new StringBuilder();
      at++;
      while (!atEnd()) {
        char c = line.charAt(at++);
        if (c == '\\' && !atEnd()) {
          value.append(line.charAt(at++));
        } else if (c == '"') {
          break;
        } else {
          value.append(c);
        }
      }
      return value.toString();
    }

    String rest() {
      String rest = line.substring(at);
      at = line.length();
      return rest;
    }
  }
}
