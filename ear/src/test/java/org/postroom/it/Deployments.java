package org.postroom.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy: always the EAR the build made, never a hand-picked subset of
 * classes.
 */
public final class Deployments {

  private Deployments() {}

  private static String read(Asset asset) {
    try (InputStream in = asset.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The EAR exactly as built, for black-box tests through HTTP and a browser. */
  public static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(
        EnterpriseArchive.class, new File(System.getProperty("postroom.ear")));
  }

  /**
   * The built EAR plus a {@code test.war} holding the given test classes, which Arquillian runs
   * inside the server next to the real services. The test WAR may use the server's security API to
   * act as a user.
   */
  public static EnterpriseArchive earWithTests(Class<?>... testClasses) {
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, "test.war")
            .addClasses(testClasses)
            .addClasses(
                Caller.class,
                Inbox.class,
                Inbox.Mail.class,
                NoAuthenticationMechanism.class,
                RunMark.class,
                TestDomains.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsManifestResource(
                new StringAsset(
                    "Dependencies: org.wildfly.security.elytron, org.eclipse.angus.mail, org.hibernate\n"),
                "MANIFEST.MF");
    EnterpriseArchive ear = ear();
    // the built application.xml lists the EAR's own modules only; the test WAR joins them
    String applicationXml =
        read(ear.get("META-INF/application.xml").getAsset())
            .replace(
                "</application>",
                "  <module><web><web-uri>test.war</web-uri><context-root>/postroom-tests</context-root></web></module>\n"
                    + "</application>");
    return ear.setApplicationXML(new StringAsset(applicationXml))
        .addAsModule(Testable.archiveToTest(tests));
  }
}
