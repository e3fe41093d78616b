package org.broadsheet.web.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The runtime's stand-ins for {@code Character} methods answer as the JVM does, for every code
 * point.
 */
class BrowserCharactersTest {
  @Test
  void isWhitespaceAgreesWithTheJvmOnEveryCodePoint() {
    int whitespace = 0;
    for (int c = -1; c <= Character.MAX_CODE_POINT + 1; c++) {
      assertEquals(
          Character.isWhitespace(c), LuceneCompat.isWhitespace(c), "U+" + Integer.toHexString(c));
      if (LuceneCompat.isWhitespace(c)) {
        whitespace++;
      }
    }
    assertEquals(25, whitespace);
  }
}
