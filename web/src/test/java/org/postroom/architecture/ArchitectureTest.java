package org.postroom.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, over the classes of the three modules (the web module's test
 * class path holds the services' and the entities' jars).
 */
class ArchitectureTest {

  private static final String DOMAIN = "org.postroom.domain..";
  private static final String SERVICE = "org.postroom.service..";
  private static final String WEB = "org.postroom.web..";

  private static JavaClasses classes;

  @BeforeAll
  static void importThem() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.postroom");
  }

  @Test
  void everyModuleIsRead() {
    for (String prefix :
        List.of("org.postroom.domain.", "org.postroom.service.", "org.postroom.web.")) {
      long count = classes.stream().filter(c -> c.getName().startsWith(prefix)).count();
      assertTrue(count > 20, prefix + " has " + count + " classes: the rules would prove nothing");
    }
  }

  @Test
  void modulesDependDownwardOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("web")
        .definedBy(WEB)
        .layer("services")
        .definedBy(SERVICE)
        .layer("entities")
        .definedBy(DOMAIN)
        .whereLayer("web")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("services")
        .mayOnlyBeAccessedByLayers("web")
        .whereLayer("entities")
        .mayOnlyBeAccessedByLayers("services", "web")
        .check(classes);
  }

  @Test
  void pagesAndTheApiNeverTouchTheEntityManager() {
    noClasses()
        .that()
        .resideInAPackage(WEB)
        .should()
        .dependOnClassesThat(
            nameMatching(
                "jakarta\\.persistence\\.(EntityManager|EntityManagerFactory|PersistenceContext"
                    + "|Query|TypedQuery)"))
        .because("the web module reads and writes through services and their view records")
        .check(classes);
  }

  @Test
  void entitiesNeverCallServicesOrTheContainer() {
    noClasses()
        .that(
            describe(
                "are entities or embeddables",
                (JavaClass c) ->
                    c.isAnnotatedWith("jakarta.persistence.Entity")
                        || c.isAnnotatedWith("jakarta.persistence.Embeddable")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            SERVICE, WEB, "jakarta.ejb..", "jakarta.inject..", "jakarta.enterprise..")
        .check(classes);
  }

  @Test
  void onlyTheMailSystemAdaptersSpeakToTheMailServer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.postroom.service.mailsystem..")
        .should()
        .dependOnClassesThat(
            nameMatching(
                "jakarta\\.mail\\.(Store|Folder)|java\\.net\\.Socket|javax\\.net\\.ssl\\.SSLSocket.*"
                    + "|java\\.net\\.http\\..*|org\\.eclipse\\.angus\\.mail\\.imap\\..*"
                    + "|com\\.sun\\.mail\\.imap\\..*"))
        .because("IMAP, ManageSieve and doveadm are reached through the MailSystem port")
        .check(classes);
  }

  @Test
  void onlyTheNotificationsSendMail() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.postroom.service.notification..")
        .should()
        .dependOnClassesThat(nameMatching("jakarta\\.mail\\.Transport"))
        .because("every mail goes through the notifications' one way out")
        .check(classes);
  }
}
