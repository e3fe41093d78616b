package org.broadsheet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextDecoderTest {
  private static final String TEXT = "Iran’s “talks” – café, Besançon, naïve";

  private static Optional<String> decode(byte[] bytes, Diagnostics d) {
    return TextDecoder.decode(bytes, "content/a.txt", d);
  }

  private static void assertNote(Diagnostics d, String part) {
    List<Diagnostic> all = d.snapshot();
    assertTrue(
        all.stream().anyMatch(x -> x.severity() == Severity.NOTE && x.message().contains(part)),
        "no note with '" + part + "' in " + all);
  }

  @Test
  void plainUtf8PassesWithoutNotes() {
    Diagnostics d = new Diagnostics();
    assertEquals(TEXT, decode(TEXT.getBytes(StandardCharsets.UTF_8), d).orElseThrow());
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void utf8ByteOrderMarkIsRemovedWithANote() {
    Diagnostics d = new Diagnostics();
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertEquals(TEXT, decode(bytes, d).orElseThrow());
    assertNote(d, "byte order mark");
  }

  @Test
  void utf16IsReadByItsByteOrderMarkOrItsZeroBytes() {
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      Diagnostics withBom = new Diagnostics();
      byte[] bom =
          cs == StandardCharsets.UTF_16LE
              ? new byte[] {(byte) 0xFF, (byte) 0xFE}
              : new byte[] {(byte) 0xFE, (byte) 0xFF};
      byte[] body = TEXT.getBytes(cs);
      byte[] bytes = new byte[body.length + 2];
      System.arraycopy(bom, 0, bytes, 0, 2);
      System.arraycopy(body, 0, bytes, 2, body.length);
      assertEquals(TEXT, decode(bytes, withBom).orElseThrow());
      assertNote(withBom, cs.name());
      Diagnostics without = new Diagnostics();
      assertEquals(TEXT, decode(body, without).orElseThrow());
      assertNote(without, "no byte order mark");
    }
  }

  @Test
  void windows1252IsDetectedAndConvertedWithANote() {
    Diagnostics d = new Diagnostics();
    assertEquals(TEXT, decode(TEXT.getBytes(Charset.forName("windows-1252")), d).orElseThrow());
    assertNote(d, "not valid UTF-8");
  }

  @Test
  void mojibakeIsRepairedWithANote() {
    Diagnostics d = new Diagnostics();
    String broken =
        new String(TEXT.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    assertTrue(broken.contains("â€"));
    assertEquals(TEXT, decode(broken.getBytes(StandardCharsets.UTF_8), d).orElseThrow());
    assertNote(d, "mojibake");
  }

  @ParameterizedTest
  @ValueSource(strings = {"’", "é", "è", "ö", "ü", "ä", "ñ", "ç", "á", "ó", "ã", "\u00a0"})
  void eachMojibakeMarkerIsFoundAndRepaired(String letter) {
    Diagnostics d = new Diagnostics();
    String word = "Besan" + letter + "on";
    String broken =
        new String(word.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    assertEquals(
        "plain ascii, then " + word,
        decode(("plain ascii, then " + broken).getBytes(StandardCharsets.UTF_8), d).orElseThrow());
    assertNote(d, "mojibake");
  }

  @Test
  void asciiPassesWithoutNotes() {
    Diagnostics d = new Diagnostics();
    assertEquals(
        "Plain ASCII.\r\n",
        decode("Plain ASCII.\r\n".getBytes(StandardCharsets.US_ASCII), d).orElseThrow());
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void mojibakeOfACloseQuoteWhoseByteWindowsLeavesUndefinedIsRepaired() {
    Diagnostics d = new Diagnostics();
    String broken = "the talks were \u00e2\u20ac\u0153constructive\u00e2\u20ac\u009d.";
    assertEquals(
        "the talks were “constructive”.",
        decode(broken.getBytes(StandardCharsets.UTF_8), d).orElseThrow());
  }

  @Test
  void genuineTextWithTheSameLettersIsLeftAlone() {
    Diagnostics d = new Diagnostics();
    String text = "SÃO PAULO — Ângela said the â is a letter.";
    assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8), d).orElseThrow());
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void binaryBytesAreAnErrorNotText() {
    Diagnostics d = new Diagnostics();
    assertEquals(Optional.empty(), decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 0, 9}, d));
    assertTrue(d.hasErrors());
  }
}
