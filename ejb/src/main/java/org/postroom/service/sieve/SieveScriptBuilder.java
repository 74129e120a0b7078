package org.postroom.service.sieve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.postroom.domain.sieve.FilterDestination;
import org.postroom.domain.sieve.FilterMatch;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.domain.vacation.VacationReply;

/**
 * The one place Postroom writes Sieve (RFC 5228). What people typed goes only into quoted strings,
 * where only the quote and the backslash need escaping; the extensions that would give text a
 * meaning inside strings ({@code variables}, {@code encoded-character}) are never required, so
 * {@code ${...}} stays text. Control characters other than line breaks and tabs are dropped, line
 * breaks become {@code \n}. A mailbox with nothing to do gets no script ({@code null}).
 */
public final class SieveScriptBuilder {

  static final String HEADER =
      "# Postroom: generated from this mailbox's settings in Postroom; changes made here are"
          + " replaced.\n";

  private final TreeSet<String> extensions = new TreeSet<>();
  private final List<String> rules = new ArrayList<>();

  /** The vacation reply, answering mail to the mailbox's own addresses, within its days. */
  public SieveScriptBuilder vacation(VacationReply reply, List<String> ownAddresses) {
    if (reply == null) {
      return this;
    }
    extensions.add("vacation");
    StringBuilder action = new StringBuilder("vacation :days ").append(reply.getIntervalDays());
    if (!ownAddresses.isEmpty()) {
      action.append(" :addresses ").append(stringList(ownAddresses));
    }
    action
        .append(" :subject ")
        .append(quoted(reply.getSubject()))
        .append(' ')
        .append(quoted(reply.getBody()))
        .append(';');
    List<String> window = new ArrayList<>();
    if (reply.getStartsOn() != null) {
      window.add(dateTest("ge", reply.getStartsOn()));
    }
    if (reply.getEndsOn() != null) {
      window.add(dateTest("le", reply.getEndsOn()));
    }
    if (window.isEmpty()) {
      rules.add(action + "\n");
    } else {
      extensions.add("date");
      extensions.add("relational");
      rules.add("if allof (" + String.join(", ", window) + ") {\n  " + action + "\n}\n");
    }
    return this;
  }

  /**
   * The filter rules, in their order, after the vacation reply (a rule that stops or files mail
   * away does not keep the sender from being answered). Each rule is one {@code if}: a copy
   * forwarded first, then where the mail goes, then {@code stop}.
   */
  public SieveScriptBuilder filters(List<FilterSpec> specs) {
    int number = 0;
    for (FilterSpec spec : specs) {
      number++;
      List<String> actions = new ArrayList<>();
      if (spec.forwardTo() != null) {
        extensions.add("copy");
        actions.add("redirect :copy " + quoted(spec.forwardTo()) + ";");
      }
      String flags = spec.markRead() ? ":flags \"\\\\Seen\" " : "";
      if (spec.markRead()) {
        extensions.add("imap4flags");
      }
      switch (spec.destination()) {
        case FOLDER, TRASH -> {
          extensions.add("fileinto");
          extensions.add("mailbox");
          String folder =
              spec.destination() == FilterDestination.TRASH
                  ? FilterSpec.TRASH_FOLDER
                  : spec.folder();
          actions.add("fileinto " + flags + ":create " + quoted(folder) + ";");
        }
        case INBOX -> {
          if (spec.markRead()) {
            actions.add("keep " + flags.strip() + ";");
          }
        }
      }
      if (spec.stop()) {
        actions.add("stop;");
      }
      StringBuilder rule = new StringBuilder("# filter rule ").append(number).append('\n');
      rule.append("if ").append(test(spec)).append(" {\n");
      actions.forEach(action -> rule.append("  ").append(action).append('\n'));
      rules.add(rule.append("}\n").toString());
    }
    return this;
  }

  private static String test(FilterSpec spec) {
    String match = spec.match() == FilterMatch.IS ? ":is" : ":contains";
    return switch (spec.field()) {
      case FROM -> "address :all " + match + " \"from\" " + quoted(spec.value());
      case TO -> "address :all " + match + " [\"to\", \"cc\"] " + quoted(spec.value());
      case SUBJECT -> "header " + match + " \"subject\" " + quoted(spec.value());
      case HEADER ->
          "header " + match + " " + quoted(spec.headerName()) + " " + quoted(spec.value());
      case SIZE_OVER -> "size :over " + spec.sizeKb() * 1000;
    };
  }

  /** The script, or null when no setting needs one. */
  public String build() {
    if (rules.isEmpty()) {
      return null;
    }
    StringBuilder script = new StringBuilder(HEADER);
    script.append("require ").append(stringList(List.copyOf(extensions))).append(";\n");
    rules.forEach(script::append);
    return script.toString();
  }

  private static String dateTest(String comparison, LocalDate day) {
    return "currentdate :value " + quoted(comparison) + " \"date\" " + quoted(day.toString());
  }

  private static String stringList(List<String> values) {
    List<String> quoted = values.stream().map(SieveScriptBuilder::quoted).toList();
    return "[" + String.join(", ", quoted) + "]";
  }

  /** A Sieve quoted string carrying the text as data. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    String normal = text.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
