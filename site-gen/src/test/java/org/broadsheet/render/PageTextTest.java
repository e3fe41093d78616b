package org.broadsheet.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import freemarker.template.utility.StringUtil;
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

  /**
   * Long strings, each written whole (as bodies and text with nothing to escape are): ASCII,
   * Latin-1, any text, and strings that end in the high half of a pair the next write completes.
   */
  @Test
  void wholeStringsEncodeAsJavaDoes() {
    String[] alphabets = {"ab<\n1", "aé ßü", new String(ALPHABET)};
    Random random = new Random(12);
    for (int round = 0; round < 3000; round++) {
      String alphabet = alphabets[round % alphabets.length];
      StringBuilder whole = new StringBuilder();
      PageText out = new PageText();
      for (int w = 0, writes = 1 + random.nextInt(5); w < writes; w++) {
        StringBuilder piece = new StringBuilder();
        for (int i = 0, length = random.nextInt(200); i < length; i++) {
          piece.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextInt(4) == 0) {
          piece.append('\uD83D'); // completed by the next write when it starts with '\uDE00'
        }
        if (random.nextInt(4) == 0) {
          piece.insert(0, '\uDE00');
        }
        String s = piece.toString();
        whole.append(s);
        if (random.nextBoolean()) {
          out.write(s);
        } else {
          out.write(s, 0, s.length());
        }
      }
      assertArrayEquals(
          whole.toString().getBytes(StandardCharsets.UTF_8), out.toBytes(), whole.toString());
    }
  }

  /**
   * Text escaped for HTML as FreeMarker's HTML format escapes it, between plain writes: the bytes
   * of FreeMarker's escaping, however the text falls into writes (a pair split between them too).
   */
  @Test
  void htmlEscapedTextEqualsFreeMarkersEscapingEncoded() throws Exception {
    String alphabet = new String(ALPHABET) + "&\"'> ";
    Random random = new Random(13);
    for (int round = 0; round < 3000; round++) {
      StringBuilder expected = new StringBuilder();
      PageText out = new PageText();
      for (int w = 0, writes = 1 + random.nextInt(5); w < writes; w++) {
        StringBuilder piece = new StringBuilder();
        for (int i = 0, length = random.nextInt(round % 40 == 0 ? 3000 : 60); i < length; i++) {
          piece.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = piece.toString();
        if (random.nextBoolean()) {
          out.writeHtmlEscaped(s);
          expected.append(StringUtil.XHTMLEnc(s));
        } else {
          out.write(s);
          expected.append(s);
        }
      }
      assertArrayEquals(
          expected.toString().getBytes(StandardCharsets.UTF_8), out.toBytes(), expected.toString());
    }
  }

  @Test
  void aThreadsPageTextIsEmptyForEachPageAndNotSharedWhileInUse() {
    PageText first = PageText.forPage();
    first.write("first page");
    PageText nested = PageText.forPage(); // the first is not done: a text of its own
    assertNotSame(first, nested);
    nested.write("nested \uD83D"); // a high surrogate waits
    assertArrayEquals("nested ?".getBytes(StandardCharsets.UTF_8), nested.toBytes());
    first.done();
    nested.done();
    PageText next = PageText.forPage();
    assertSame(nested, next); // kept for the thread's next page
    next.write("\uDE00é");
    assertArrayEquals("?é".getBytes(StandardCharsets.UTF_8), next.toBytes()); // nothing left over
    next.done();
  }
}
