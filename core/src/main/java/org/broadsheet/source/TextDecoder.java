package org.broadsheet.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 by BOM, legacy 8-bit
 * encodings detected with juniversalchardet (Windows-1252 when unsure), and the common "UTF-8 read
 * as Windows-1252" mojibake repaired. Every conversion is reported as a note.
 */
public final class TextDecoder {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private TextDecoder() {}

  /** The decoded text, or empty with an error diagnostic when the bytes are not text. */
  public static Optional<String> decode(byte[] bytes, String path, Diagnostics diagnostics) {
    List<Diagnostic> notes = new ArrayList<>();
    Optional<String> text = decode(bytes, path, notes);
    diagnostics.addAll(notes);
    return text;
  }

  static Optional<String> decode(byte[] bytes, String path, List<Diagnostic> out) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      out.add(Diagnostic.note(path, "removed the UTF-8 byte order mark"));
      return strictUtf8(bytes, 3, path, out).map(t -> repairMojibake(t, path, out));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      out.add(Diagnostic.note(path, "decoded as UTF-16BE (byte order mark)"));
      return Optional.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      out.add(Diagnostic.note(path, "decoded as UTF-16LE (byte order mark)"));
      return Optional.of(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
    }
    Optional<Charset> utf16 = utf16WithoutBom(bytes);
    if (utf16.isPresent()) {
      out.add(
          Diagnostic.note(
              path,
              "decoded as "
                  + utf16.get().name()
                  + " (no byte order mark; detected by its zero bytes)"));
      return Optional.of(new String(bytes, utf16.get()));
    }
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      out.add(
          Diagnostic.error(
              path, "binary file: NUL byte at offset " + nul + "; not a text article"));
      return Optional.empty();
    }
    if (isAscii(bytes)) { // most files, where no mojibake can be: three scans fewer
      return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }
    Optional<String> utf8 = tryUtf8(bytes);
    if (utf8.isPresent()) {
      return utf8.map(t -> repairMojibake(t, path, out));
    }
    Charset detected = detect(bytes);
    out.add(
        Diagnostic.note(
            path,
            "not valid UTF-8; decoded as "
                + detected.name()
                + " (detected) and converted to UTF-8"));
    return Optional.of(repairMojibake(new String(bytes, detected), path, out));
  }

  private static Optional<String> strictUtf8(
      byte[] bytes, int offset, String path, List<Diagnostic> out) {
    try {
      return Optional.of(
          utf8Decoder().decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
    } catch (CharacterCodingException e) {
      out.add(Diagnostic.error(path, "invalid UTF-8 after a UTF-8 byte order mark"));
      return Optional.empty();
    }
  }

  private static Optional<String> tryUtf8(byte[] bytes) {
    if (isAscii(bytes)) {
      return Optional.of(
          new String(bytes, StandardCharsets.US_ASCII)); // most files: no decoder, no CharBuffer
    }
    try {
      return Optional.of(utf8Decoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static CharsetDecoder utf8Decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static Charset detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector(null);
    detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 16));
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    if (name == null || name.equals("UTF-8") || !Charset.isSupported(name)) {
      return CP1252;
    }
    return Charset.forName(name);
  }

  /**
   * Repairs text that was UTF-8, decoded as Windows-1252 and saved again as UTF-8 ({@code Iranâ€™s}
   * for {@code Iran’s}). Only done when the round trip is lossless and removes every marker, so
   * genuine text using those letters is left alone.
   */
  static String repairMojibake(String text, String path, List<Diagnostic> out) {
    if (!looksLikeMojibake(text)) {
      return text;
    }
    byte[] raw = cp1252Bytes(text, 0, text.length());
    Optional<String> repaired = raw == null ? Optional.empty() : tryUtf8(raw);
    if (repaired.isPresent() && !looksLikeMojibake(repaired.get())) {
      out.add(
          Diagnostic.note(
              path, "repaired mojibake (UTF-8 text that had been decoded as Windows-1252)"));
      return repaired.get();
    }
    return repairRuns(text, path, out);
  }

  /** Repairs mojibake sequence by sequence when the whole text cannot be round-tripped. */
  private static String repairRuns(String text, String path, List<Diagnostic> out) {
    StringBuilder sb = new StringBuilder(text.length());
    int fixed = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int len = c == 'ð' ? 4 : c >= 'â' && c <= 'ï' ? 3 : c >= 'Â' && c <= 'ß' ? 2 : 0;
      if (c == 'â' && text.startsWith("â€\ufffd", i)) {
        sb.append(
            '”'); // 0x9D, the last byte of ”, is undefined in Windows-1252 and was lost as U+FFFD
        i += 3;
        fixed++;
        continue;
      }
      if (len > 0 && i + len <= text.length()) {
        byte[] b = cp1252Bytes(text, i, i + len);
        Optional<String> u = b == null ? Optional.empty() : tryUtf8(b);
        if (u.isPresent() && u.get().length() < len) {
          sb.append(u.get());
          i += len;
          fixed++;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    if (fixed > 0) {
      out.add(
          Diagnostic.note(
              path, "repaired " + fixed + " mojibake sequence(s) (UTF-8 decoded as Windows-1252)"));
    }
    return sb.toString();
  }

  /**
   * The Windows-1252 bytes of {@code text[from, to)}, or null when a character has none. The five
   * bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come back from decoders as
   * the C1 control of the same number, so those map back to their byte.
   */
  private static byte[] cp1252Bytes(String text, int from, int to) {
    byte[] out = new byte[to - from];
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int b;
      if (c < 0x80
          || c >= 0xA0 && c <= 0xFF
          || c == 0x81
          || c == 0x8D
          || c == 0x8F
          || c == 0x90
          || c == 0x9D) {
        b = c;
      } else {
        b = HIGH.indexOf(c);
        if (b < 0) {
          return null;
        }
        b += 0x80;
      }
      out[i - from] = (byte) b;
    }
    return out;
  }

  /** Windows-1252 0x80-0x9F; U+FFFF marks the undefined bytes. */
  private static final String HIGH = "€\uffff‚ƒ„…†‡ˆ‰Š‹Œ\uffffŽ\uffff\uffff‘’“”•–—˜™š›œ\uffffžŸ";

  /** UTF-16 without a byte order mark: text whose every other byte is zero. */
  private static Optional<Charset> utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 4096) & ~1;
    if (n < 4) {
      return Optional.empty();
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += bytes[i] == 0 ? 1 : 0;
      oddZeros += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddZeros * 10 >= pairs * 6 && evenZeros * 20 <= pairs) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (evenZeros * 10 >= pairs * 6 && oddZeros * 20 <= pairs) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  /**
   * {@code â€}, {@code Ã©} and the like, {@code Â} + NBSP: UTF-8 of curly quotes, accents and NBSP
   * read as Windows-1252.
   */
  private static boolean looksLikeMojibake(String text) {
    return followedByOneOf(text, 'â', "€")
        || followedByOneOf(text, 'Ã', "©¨¶¼¤±§¡³£")
        || followedByOneOf(text, 'Â', "\u00a0");
  }

  /**
   * Whether {@code lead} occurs followed by one of {@code seconds}: one scan per lead character.
   */
  private static boolean followedByOneOf(String text, char lead, String seconds) {
    for (int i = text.indexOf(lead);
        i >= 0 && i + 1 < text.length();
        i = text.indexOf(lead, i + 1)) {
      if (seconds.indexOf(text.charAt(i + 1)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
