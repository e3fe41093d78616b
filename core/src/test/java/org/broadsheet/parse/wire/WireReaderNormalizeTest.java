package org.broadsheet.parse.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WireReaderNormalizeTest {
  @Test
  void lineBreaksBecomeLineFeedsAndControlsGo() {
    var n = WireReader.normalize("\ufeffA\r\nB\rC\fD\u2028E\u0007F\u0085G\tH\u00a0I\u0092");
    assertEquals("A\nB\nC\nD\nEF\nG\tH\u00a0I", n.text());
    assertEquals(6, n.controls());
  }

  /** Whatever the characters, the result is what replacing them one by one gives. */
  @Test
  void normalizesLikeACharacterByCharacterCopy() {
    char[] alphabet = {
      'a', 'Z', ' ', '.', '\n', '\r', '\t', '\f', '\u000b', '\u0000', '\u001f', '\u007f', '\u0080',
      '\u0085', '\u009f', '\u00a0', '\u00e9', '\u2014', '\u2028', '\u2029', '\ufeff', '\ud83d',
      '\ude00'
    };
    Random random = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String raw = sb.toString();
      var normalized = WireReader.normalize(raw);
      StringBuilder expected = new StringBuilder();
      int controls = charByChar(raw, expected);
      assertEquals(expected.toString(), normalized.text());
      assertEquals(controls, normalized.controls());
    }
  }

  /** The normalisation as first written, one append per character. */
  private static int charByChar(String raw, StringBuilder sb) {
    int controls = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        sb.append('\n');
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\t') {
        sb.append(c);
      } else if (c == '\f' || c == '\u000b' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        sb.append('\n');
        controls++;
      } else if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\ufeff') {
        controls++;
      } else {
        sb.append(c);
      }
    }
    return controls;
  }
}
