package org.postroom.service.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.postroom.domain.common.Violation;
import org.postroom.domain.domain.MailDomain;

/**
 * Every password Postroom sets (alumni, reset links, changing one's own): {@link PasswordRules},
 * and not easy to guess — zxcvbn's estimate, which knows the common passwords, English words, names
 * and keyboard patterns (its lists ship in its Maven artifact), and the person's own name and
 * username, must reach score 2 (about a million guesses or more).
 */
@ApplicationScoped
public class PasswordPolicy {

  static final int MIN_SCORE = 2;

  private final Zxcvbn zxcvbn = new Zxcvbn();

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

  /** zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). */
  public int score(String password, String username, String... personal) {
    List<String> inputs = new ArrayList<>();
    inputs.add(username);
    Arrays.stream(personal).filter(Objects::nonNull).forEach(inputs::add);
    inputs.removeIf(Objects::isNull);
    return zxcvbn.measure(password, inputs).getScore();
  }
}
