package org.postroom.service.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading doveadm's answer for all users, as Dovecot 2.3.19 gave it on the test stack. */
class QuotaScanTest {

  private static Map<String, Long> read(String answer) throws IOException {
    return QuotaScan.storageByUser(
        new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keepsEachUsersStorageInBytes() throws IOException {
    Map<String, Long> used =
        read(
            "[[\"doveadmResponse\",[{\"username\":\"A@x.org\",\"root\":\"User quota\",\"type\":\"STORAGE\",\"value\":\"12\",\"limit\":\"1024\",\"percent\":\"1\"},"
                + "{\"username\":\"A@x.org\",\"root\":\"User quota\",\"type\":\"MESSAGE\",\"value\":\"3\",\"limit\":\"-\",\"percent\":\"0\"},"
                + "{\"username\":\"b@x.org\",\"root\":\"User quota\",\"type\":\"STORAGE\",\"value\":\"0\",\"limit\":\"-\",\"percent\":\"0\"}],\"all\"]]");
    assertEquals(Map.of("a@x.org", 12L * 1024, "b@x.org", 0L), used);
  }

  @Test
  void aUserDoveadmCouldNotReadIsLeftOut() throws IOException {
    Map<String, Long> used =
        read(
            "[[\"doveadmResponse\",[{\"username\":\"c@x.org\",\"type\":\"STORAGE\",\"value\":\"error\",\"limit\":\"error\",\"percent\":\"error\"},"
                + "{\"username\":\"d@x.org\",\"type\":\"STORAGE\",\"value\":\"5\",\"limit\":\"-\",\"percent\":\"0\"}],\"all\"]]");
    assertEquals(Map.of("d@x.org", 5L * 1024), used);
  }

  @Test
  void anEmptyServerAnswersNoUsers() throws IOException {
    assertTrue(read("[[\"doveadmResponse\",[],\"all\"]]").isEmpty());
  }

  @Test
  void anErrorOrAnotherShapeIsNoAnswer() {
    IOException error =
        assertThrows(
            IOException.class,
            () -> read("[[\"error\",{\"type\":\"exitCode\",\"exitCode\":75},\"all\"]]"));
    assertTrue(error.getMessage().contains("75"), error.getMessage());
    assertThrows(IOException.class, () -> read("{\"unexpected\": true}"));
    assertThrows(IOException.class, () -> read("[[\"doveadmResponse\",[1, 2],\"all\"]]"));
  }
}
