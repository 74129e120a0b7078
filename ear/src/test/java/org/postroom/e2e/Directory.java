package org.postroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.postroom.service.common.Settings;

/**
 * The end-to-end stack's OpenLDAP (scripts/mail-stack), the institution's directory: the tests add
 * people to it with their own password, as the institution's identity management would.
 */
public final class Directory {

  private Directory() {}

  /** Adds a person (uid, names, mail address, password) under ou=people. */
  public static void add(
      String username, String givenName, String surname, String address, String password)
      throws Exception {
    String ldif =
        String.join(
            "\n",
            "dn: uid=" + username + ",ou=people,dc=postroom,dc=test",
            "objectClass: inetOrgPerson",
            "uid: " + username,
            "cn: " + givenName + " " + surname,
            "givenName: " + givenName,
            "sn: " + surname,
            "mail: " + address,
            "userPassword: " + password,
            "");
    Process add =
        new ProcessBuilder(
                "ldapadd",
                "-x",
                "-H",
                Settings.get("postroom.e2e.ldap.url").orElseThrow(),
                "-D",
                "cn=admin,dc=postroom,dc=test",
                "-w",
                Settings.get("postroom.e2e.ldap.password").orElseThrow())
            .redirectErrorStream(true)
            .start();
    add.getOutputStream().write(ldif.getBytes(StandardCharsets.UTF_8));
    add.getOutputStream().close();
    String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(add.waitFor(30, TimeUnit.SECONDS), "ldapadd did not end");
    assertEquals(0, add.exitValue(), output);
  }
}
