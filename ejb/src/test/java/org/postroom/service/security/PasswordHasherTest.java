package org.postroom.service.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idInThePhcFormatDovecotReads() {
    String hash = hasher.hash("correct horse battery staple");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(hasher.verify("correct horse battery staple", hash));
    assertFalse(hasher.verify("correct horse battery stapler", hash));
  }

  @Test
  void theSamePasswordGetsADifferentSaltEachTime() {
    assertNotEquals(hasher.hash("pässwörd ✓"), hasher.hash("pässwörd ✓"));
    assertTrue(hasher.verify("pässwörd ✓", hasher.hash("pässwörd ✓")));
  }

  @Test
  void otherSchemesAndMissingValuesNeverVerify() {
    assertFalse(hasher.verify("x", "{PLAIN}x"));
    assertFalse(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuu"));
    assertFalse(hasher.verify(null, hasher.hash("x")));
    assertFalse(hasher.verify("x", null));
  }
}
