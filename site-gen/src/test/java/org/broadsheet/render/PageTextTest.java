package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageTextTest {
  private static final char[] ALPHABET = {
    'a', '<', '\n', 'é', 'ß', '—', '€', 'ی', '中', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', '\u0000'
  };

  @Test
  void bytesEqualJavasUtf8OfTheSameTextHoweverItIsCutIntoWrites() {
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      StringBuilder whole = new StringBuilder();
      PageText out = new PageText();
      int writes = 1 + random.nextInt(6);
      for (int w = 0; w < writes; w++) {
        StringBuilder piece = new StringBuilder();
        int length = random.nextInt(round % 50 == 0 ? 5000 : 12);
        for (int i = 0; i < length; i++) {
          piece.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        String s = piece.toString();
        whole.append(s);
        switch (random.nextInt(4)) {
          case 0 -> out.write(s);
          case 1 -> out.write(s.toCharArray(), 0, s.length());
          case 2 -> s.chars().forEach(out::write);
          default -> out.append(s);
        }
      }
      assertArrayEquals(
          whole.toString().getBytes(StandardCharsets.UTF_8), out.toBytes(), whole.toString());
    }
  }
}
