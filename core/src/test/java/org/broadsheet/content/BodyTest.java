package org.broadsheet.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Word counts: runs of what {@link Character#isLetterOrDigit(char)} calls letters and digits. */
class BodyTest {
  @Test
  void countsRunsOfLettersAndDigits() {
    assertEquals(0, new Body("", "").wordCount());
    assertEquals(0, new Body("", " -- ... @[`{ ").wordCount());
    assertEquals(7, new Body("", "Iran's 2024 oil-output, up 3%").wordCount());
    assertEquals(4, new Body("", "Zürich — 東京 Ω\u00a0x").wordCount());
    assertEquals(2, new Body("", "a".repeat(4095) + "bc d").wordCount()); // a word across chunks
  }

  @Test
  void everyCharacterCountsAsTheCharacterTablesSay() {
    for (char c = 0; c < 0x3000; c++) {
      String one = "." + c + ".";
      assertEquals(
          Character.isLetterOrDigit(c) ? 1 : 0,
          new Body("", one).wordCount(),
          "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void randomTextCountsAsTheCharacterTablesSay() {
    Random random = new Random(11);
    String alphabet = "aZ09 ,.'-@[`{/:\n\u00a0é—Ωж中\ud83d\ude00";
    for (int doc = 0; doc < 500; doc++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(doc % 50 == 0 ? 20_000 : 200); i > 0; i--) { // some cross chunks
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      assertEquals(reference(text), new Body("", text).wordCount(), text);
    }
  }

  private static int reference(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
