package org.postroom.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionProfileTest {

  private static Map<String, String> production() {
    Map<String, String> s = new HashMap<>();
    s.put("postroom.profile", "production");
    s.put("postroom.db.driver", "postgresql");
    s.put("postroom.db.password", "a long secret from the vault");
    s.put("postroom.smtp.host", "smtp.univ-b.be");
    s.put("postroom.base.url", "https://mail-portal.univ-b.be");
    return s;
  }

  private static Function<String, Optional<String>> of(Map<String, String> settings) {
    return name -> Optional.ofNullable(settings.get(name));
  }

  @Test
  void aCompleteProductionConfigurationPasses() {
    assertTrue(ProductionProfile.isProduction(of(production())));
    assertEquals(List.of(), ProductionProfile.problems(of(production())));
  }

  @Test
  void theDemoAndItsDefaultsAreEachNamed() {
    Map<String, String> demo = new HashMap<>();
    demo.put("postroom.profile", "Production ");
    demo.put("postroom.demo.password", "postroom-demo");
    demo.put("postroom.db.password", "sa");
    demo.put("postroom.base.url", "http://mail-portal.univ-b.be");
    demo.put("postroom.bootstrap.admin.password", "postroom-demo");
    demo.put("postroom.oidc.client.secret", "sso-test-client-secret");
    assertTrue(ProductionProfile.isProduction(of(demo)));
    List<String> problems = ProductionProfile.problems(of(demo));
    assertEquals(7, problems.size(), problems.toString());
    for (String setting :
        List.of(
            "POSTROOM_DEMO_PASSWORD",
            "POSTROOM_DB_DRIVER",
            "POSTROOM_DB_PASSWORD",
            "POSTROOM_SMTP_HOST",
            "POSTROOM_BASE_URL",
            "POSTROOM_BOOTSTRAP_ADMIN_PASSWORD",
            "POSTROOM_OIDC_CLIENT_SECRET")) {
      assertTrue(
          problems.stream().anyMatch(p -> p.startsWith(setting)), setting + " in " + problems);
    }
  }

  @Test
  void aPublishedSecretIsRefusedWhereverItIsUsed() {
    Map<String, String> settings = production();
    settings.put("postroom.mail.master.password", "password");
    assertEquals(
        List.of("POSTROOM_MAIL_MASTER_PASSWORD is a password published with Postroom"),
        ProductionProfile.problems(of(settings)));
  }

  @Test
  void theRelaysPasswordNeverTravelsInClear() {
    Map<String, String> settings = production();
    settings.put("postroom.smtp.user", "postroom");
    settings.put("postroom.smtp.password", "relay secret");
    assertEquals(1, ProductionProfile.problems(of(settings)).size());
    settings.put("postroom.smtp.starttls", "true");
    assertEquals(List.of(), ProductionProfile.problems(of(settings)));
  }

  @Test
  void withoutTheProfileNothingIsChecked() {
    assertFalse(ProductionProfile.isProduction(of(Map.of())));
    assertFalse(ProductionProfile.isProduction(of(Map.of("postroom.profile", "demo"))));
  }
}
