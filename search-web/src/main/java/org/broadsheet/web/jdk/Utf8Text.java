package org.broadsheet.web.jdk;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.apache.lucene.util.BytesRef;

/**
 * Bytes to text in the browser's runtime without {@code java.nio.charset}. TeaVM builds {@code new
 * String(bytes, UTF_8)} on a {@code CharsetDecoder} over byte and char buffers, and Lucene's {@code
 * Term.text()} (the highlighter's terms) on a reporting decoder: about 2 KB of the gzipped module
 * for what the runtime only ever does with UTF-8 (file names, codec names, terms). {@code
 * LuceneForBrowser} points both here. A malformed sequence becomes one U+FFFD as the JDK's decoder
 * counts it; {@code Utf8TextTest} compares every two-byte sequence, every sequence of up to four
 * bytes where UTF-8's rules change, and random bytes with the JVM.
 */
public final class Utf8Text {
  private static final char REPLACEMENT = '\uFFFD';

  private Utf8Text() {}

  /**
   * The characters of {@code length} bytes at {@code offset} in {@code charset}: UTF-8, or a
   * single-byte charset whose first 128 or 256 code points are the bytes' values (US-ASCII,
   * ISO-8859-1). Others were never asked of the runtime, and fail.
   */
  public static char[] decode(byte[] bytes, int offset, int length, Charset charset) {
    String name = charset.name();
    if (name.equals("UTF-8")) {
      char[] out = new char[length];
      int n = utf8(bytes, offset, length, out, false);
      return n == length ? out : Arrays.copyOf(out, n);
    }
    char[] out = new char[length];
    int top = name.equals("ISO-8859-1") ? 0xFF : name.equals("US-ASCII") ? 0x7F : -1;
    if (top < 0) {
      throw new UnsupportedOperationException(name);
    }
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xFF;
      out[i] = b <= top ? (char) b : REPLACEMENT;
    }
    return out;
  }

  /**
   * Lucene's {@code Term.toString(BytesRef)}: the term as UTF-8 text, or, when its bytes are not
   * well-formed UTF-8, {@link BytesRef#toString()} (their hex).
   */
  public static String termText(BytesRef term) {
    char[] out = new char[term.length];
    int n = utf8(term.bytes, term.offset, term.length, out, true);
    return n < 0 ? term.toString() : new String(out, 0, n);
  }

  /**
   * Decodes into {@code out} (at least {@code length} long: UTF-8 never takes fewer bytes than
   * UTF-16 chars) and returns how many chars it wrote; with {@code strict}, -1 at the first
   * malformed sequence instead of a U+FFFD. How many bytes one U+FFFD replaces follows the JDK's
   * decoder ({@code sun.nio.cs.UTF_8}): a surrogate's three bytes are one, a sequence cut short by
   * the end is one, and a sequence that breaks earlier is as long as its start that could still
   * have been well-formed.
   */
  private static int utf8(byte[] b, int offset, int length, char[] out, boolean strict) {
    int n = 0;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b1 = b[i] & 0xFF;
      int left = end - i;
      int cp = -1; // the code point read, or -1 for a U+FFFD
      int used; // bytes read, or replaced by the U+FFFD
      if (b1 < 0x80) {
        cp = b1;
        used = 1;
      } else if (b1 >= 0xC2 && b1 <= 0xDF) {
        if (left < 2) {
          used = left;
        } else if (!continuation(b[i + 1])) {
          used = 1;
        } else {
          cp = (b1 & 0x1F) << 6 | b[i + 1] & 0x3F;
          used = 2;
        }
      } else if (b1 >= 0xE0 && b1 <= 0xEF) {
        int b2 = left > 1 ? b[i + 1] & 0xFF : 0x80;
        boolean badSecond = b1 == 0xE0 && b2 < 0xA0 || !continuation(b2);
        if (left < 3) {
          used = badSecond ? 1 : left;
        } else if (badSecond || !continuation(b[i + 2])) {
          used = badSecond ? 1 : 2;
        } else {
          int c = (b1 & 0x0F) << 12 | (b2 & 0x3F) << 6 | b[i + 2] & 0x3F;
          cp = Character.isSurrogate((char) c) ? -1 : c;
          used = 3;
        }
      } else if (b1 >= 0xF0 && b1 <= 0xF7) {
        int b2 = left > 1 ? b[i + 1] & 0xFF : 0x80;
        boolean badSecond =
            b1 > 0xF4 || b1 == 0xF0 && b2 < 0x90 || b1 == 0xF4 && b2 > 0x8F || !continuation(b2);
        boolean badThird = left > 2 && !continuation(b[i + 2]);
        if (badSecond) {
          used = 1;
        } else if (badThird) {
          used = 2;
        } else if (left < 4) {
          used = left;
        } else if (!continuation(b[i + 3])) {
          used = 3;
        } else {
          cp = (b1 & 0x07) << 18 | (b2 & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
          used = 4;
        }
      } else { // a continuation byte, C0, C1, or F8 and above
        used = 1;
      }
      if (cp < 0) {
        if (strict) {
          return -1;
        }
        out[n++] = REPLACEMENT;
      } else if (cp < 0x10000) {
        out[n++] = (char) cp;
      } else {
        out[n++] = Character.highSurrogate(cp);
        out[n++] = Character.lowSurrogate(cp);
      }
      i += used;
    }
    return n;
  }

  private static boolean continuation(int b) {
    return (b & 0xC0) == 0x80;
  }
}
