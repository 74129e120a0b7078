package org.postroom.service.security;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.postroom.domain.common.Violation;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.common.Settings;

/**
 * Every password Postroom sets (alumni, reset links, changing one's own): {@link PasswordRules},
 * and not easy to guess — zxcvbn's estimate, which knows the common passwords, English words, names
 * and keyboard patterns (its lists ship in its Maven artifact), the words of the word lists the
 * operator names (default: Debian's Dutch list of the package {@code wdutch}, where installed), and
 * the person's own name and username, must reach score 2 (about a million guesses or more).
 */
@ApplicationScoped
public class PasswordPolicy {

  static final int MIN_SCORE = 2;

  /**
   * Word lists in the operator's languages, one word per line; a list that is missing is left out.
   */
  static final String WORD_LISTS = "postroom.password.wordlists";

  static final String DEFAULT_WORD_LISTS = "/usr/share/dict/nederlands";

  private static final Logger LOG = Logger.getLogger(PasswordPolicy.class.getName());

  private Zxcvbn zxcvbn;

  @PostConstruct
  void load() {
    List<Path> lists =
        Arrays.stream(Settings.get(WORD_LISTS).orElse(DEFAULT_WORD_LISTS).split(","))
            .map(String::strip)
            .filter(name -> !name.isEmpty() && !name.equals("none"))
            .map(Path::of)
            .toList();
    zxcvbn = withWordLists(lists);
  }

  /**
   * zxcvbn with its own lists and every readable one of {@code lists}. A word's rank is its place
   * in its list: any single word of a list of fewer than a million words stays below score 2.
   */
  static Zxcvbn withWordLists(List<Path> lists) {
    try {
      ZxcvbnBuilder builder =
          new ZxcvbnBuilder()
              .dictionaries(StandardDictionaries.loadAllDictionaries())
              .keyboards(StandardKeyboards.loadAllKeyboards());
      for (Path list : lists) {
        if (!Files.isReadable(list)) {
          LOG.warning(() -> "Password word list " + list + " is missing: not used");
          continue;
        }
        List<String> words;
        try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
          words =
              lines
                  .map(word -> word.strip().toLowerCase(Locale.ROOT))
                  .filter(word -> word.length() >= 3 && !word.contains(" "))
                  .distinct()
                  .toList();
        }
        builder.dictionary(new Dictionary(list.getFileName().toString(), words));
        LOG.info(() -> "Password word list " + list + ": " + words.size() + " words");
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("zxcvbn's word lists cannot be read", e);
    }
  }

  /** The policy with these word lists (tests). */
  static PasswordPolicy of(List<Path> lists) {
    PasswordPolicy policy = new PasswordPolicy();
    policy.zxcvbn = withWordLists(lists);
    return policy;
  }

  /**
   * Every rule the password breaks, with the minimum length of {@code domain}'s policy (the domain
   * of the mailbox the password opens); {@code personal} are the person's names, addresses etc.
   */
  public List<Violation> check(
      MailDomain domain, String username, String password, String repeat, String... personal) {
    List<Violation> found =
        new ArrayList<>(PasswordRules.check(minLength(domain), username, password, repeat));
    boolean passwordOk = found.stream().noneMatch(v -> "password".equals(v.field()));
    if (passwordOk && score(password, username, personal) < MIN_SCORE) {
      found.add(0, Violation.of("password", "password.guessable"));
    }
    return found;
  }

  /**
   * The shortest password {@code domain} accepts ({@link PasswordRules#MIN_LENGTH} without one).
   */
  public static int minLength(MailDomain domain) {
    return domain == null
        ? PasswordRules.MIN_LENGTH
        : Math.max(PasswordRules.MIN_LENGTH, domain.getMailboxPolicy().getPasswordMinLength());
  }

  /**
   * zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). zxcvbn's work grows faster than
   * the input, so a text longer than any password Postroom accepts is not measured at all: it
   * scores 0 (the strength meter posts whatever is typed or pasted).
   */
  public int score(String password, String username, String... personal) {
    if (password.length() > PasswordRules.MAX_LENGTH) {
      return 0;
    }
    List<String> inputs = new ArrayList<>();
    inputs.add(username);
    Arrays.stream(personal).filter(Objects::nonNull).forEach(inputs::add);
    inputs.removeIf(Objects::isNull);
    return zxcvbn.measure(password, inputs).getScore();
  }
}
