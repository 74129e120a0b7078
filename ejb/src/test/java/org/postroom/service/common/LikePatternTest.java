package org.postroom.service.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void userTextMatchesLiterallyInLowerCase() {
    assertEquals("%50\\% off%", LikePattern.contains(" 50% OFF "));
    assertEquals("a\\_b%", LikePattern.prefix("A_b"));
    assertEquals("%back\\\\slash%", LikePattern.contains("back\\slash"));
  }
}
