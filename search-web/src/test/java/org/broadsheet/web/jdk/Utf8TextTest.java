package org.broadsheet.web.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The runtime's decoding ({@link Utf8Text}, standing in for {@code new String(bytes, charset)} and
 * Lucene's {@code Term.toString(BytesRef)}) gives the JVM's text for well-formed and malformed
 * input alike.
 */
class Utf8TextTest {
  /** Bytes where UTF-8's rules change: ASCII, the edges of each continuation and lead range. */
  private static final int[] EDGES = {
    0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
    0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF
  };

  @Test
  void everyTwoByteSequenceDecodesAsTheJvmDecodesIt() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        same(new byte[] {(byte) a, (byte) b});
      }
    }
  }

  @Test
  void everySequenceOfUpToFourEdgeBytesDecodesAsTheJvmDecodesIt() {
    int n = EDGES.length;
    for (int length = 1; length <= 4; length++) {
      int count = (int) Math.pow(n, length);
      for (int i = 0; i < count; i++) {
        byte[] bytes = new byte[length];
        for (int k = 0, rest = i; k < length; k++, rest /= n) {
          bytes[k] = (byte) EDGES[rest % n];
        }
        same(bytes);
      }
    }
  }

  @Test
  void wellFormedTextOfEveryRangeAndRandomBytesDecodeAsTheJvmDecodesThem() {
    same("Kraków, Τόκιο, 東京, تهران, 🗞️ and 𝄞".getBytes(StandardCharsets.UTF_8));
    Random random = new Random(12);
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = new byte[random.nextInt(16)];
      random.nextBytes(bytes);
      same(bytes);
    }
  }

  @Test
  void aSliceIsDecodedAloneAndSingleByteCharsetsMapBytesToTheirCodePoints() {
    byte[] bytes = "xxKrakówxx".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "Kraków", new String(Utf8Text.decode(bytes, 2, bytes.length - 4, StandardCharsets.UTF_8)));
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    for (Charset charset : new Charset[] {StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII}) {
      assertEquals(
          new String(all, charset),
          new String(Utf8Text.decode(all, 0, 256, charset)),
          "" + charset);
    }
    assertThrows(
        UnsupportedOperationException.class,
        () -> Utf8Text.decode(all, 0, 2, StandardCharsets.UTF_16));
  }

  private static void same(byte[] bytes) {
    String hex = HexFormat.of().formatHex(bytes);
    assertEquals(
        new String(bytes, StandardCharsets.UTF_8),
        new String(Utf8Text.decode(bytes, 0, bytes.length, StandardCharsets.UTF_8)),
        hex);
    BytesRef term = new BytesRef(bytes);
    assertEquals(Term.toString(term), Utf8Text.termText(term), hex);
  }
}
