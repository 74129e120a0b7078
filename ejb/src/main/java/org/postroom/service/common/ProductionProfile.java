package org.postroom.service.common;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Refuses to start Postroom with {@code POSTROOM_PROFILE=production} while anything of the demo or
 * the development defaults is left: demo data with its published password, the embedded H2
 * database, the database's default password, notifications to the development mail catcher, no
 * public HTTPS address, or a password or client secret published in Postroom's own repository.
 * Every problem is named at once, so that an operator fixes them in one go; the deployment fails
 * and the server serves nothing of Postroom.
 */
@Singleton
@Startup
public class ProductionProfile {

  private static final Logger LOG = Logger.getLogger(ProductionProfile.class.getName());

  /** Passwords and secrets printed in Postroom's README, realm files and scripts. */
  static final Set<String> PUBLISHED =
      Set.of("postroom-demo", "sa", "sso-test-client-secret", "sso-test-password", "password");

  @PostConstruct
  void atStart() {
    if (!isProduction(Settings::get)) {
      return;
    }
    List<String> problems = problems(Settings::get);
    if (!problems.isEmpty()) {
      String message =
          "Postroom does not start in the production profile: "
              + String.join("; ", problems)
              + " (README: Production)";
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    LOG.info("Production profile: settings checked");
  }

  /**
   * The same check before the server starts ({@code scripts/start-production}): prints each problem
   * and exits with 1, so that a wrong setting is seen at once rather than in the server's log.
   */
  public static void main(String[] args) {
    List<String> problems = problems(Settings::get);
    problems.forEach(p -> System.err.println("  - " + p));
    if (!problems.isEmpty()) {
      System.err.println("Postroom does not start in the production profile (README: Production).");
      System.exit(1);
    }
  }

  static boolean isProduction(Function<String, Optional<String>> settings) {
    return settings
        .apply("postroom.profile")
        .map(p -> p.trim().toLowerCase(Locale.ROOT).equals("production"))
        .orElse(false);
  }

  /** What keeps these settings from a production start; empty when none. */
  static List<String> problems(Function<String, Optional<String>> settings) {
    List<String> found = new ArrayList<>();
    if (settings.apply("postroom.demo.password").isPresent()) {
      found.add("POSTROOM_DEMO_PASSWORD is set (demo accounts with a published password)");
    }
    if (!settings.apply("postroom.db.driver").orElse("h2").equalsIgnoreCase("postgresql")) {
      found.add("POSTROOM_DB_DRIVER is not postgresql (the embedded H2 database is for trials)");
    }
    if (published(settings, "postroom.db.password")) {
      found.add("POSTROOM_DB_PASSWORD is missing or a published default");
    }
    if (settings.apply("postroom.smtp.host").isEmpty()) {
      found.add("POSTROOM_SMTP_HOST is missing (mail would go to the development mail catcher)");
    }
    boolean smtpEncrypted =
        settings.apply("postroom.smtp.starttls").map(Boolean::parseBoolean).orElse(false)
            || settings.apply("postroom.smtp.ssl").map(Boolean::parseBoolean).orElse(false);
    if (settings.apply("postroom.smtp.user").isPresent() && !smtpEncrypted) {
      found.add(
          "POSTROOM_SMTP_USER without POSTROOM_SMTP_STARTTLS or POSTROOM_SMTP_SSL"
              + " (the relay's password would travel in clear)");
    }
    Optional<String> baseUrl = settings.apply("postroom.base.url");
    if (baseUrl.isEmpty() || !baseUrl.get().toLowerCase(Locale.ROOT).startsWith("https://")) {
      found.add("POSTROOM_BASE_URL must be the portal's public https:// address");
    }
    for (String secret :
        List.of(
            "postroom.bootstrap.admin.password",
            "postroom.oidc.client.secret",
            "postroom.smtp.password",
            "postroom.mail.master.password",
            "postroom.tls.keystore.password")) {
      if (settings.apply(secret).isPresent() && published(settings, secret)) {
        found.add(
            secret.toUpperCase(Locale.ROOT).replace('.', '_')
                + " is a password published with Postroom");
      }
    }
    return found;
  }

  private static boolean published(Function<String, Optional<String>> settings, String name) {
    return settings.apply(name).map(PUBLISHED::contains).orElse(true);
  }
}
