package org.broadsheet.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON writer behind every search answer, read back by a real parser (jackson-jr). */
class JsonWriterTest {
  static final List<String> HOSTILE =
      List.of(
          "",
          "plain",
          "\"quoted\" and \\back\\slashed\\",
          "line\nbreak\r\ttab\b\f",
          "\u0000\u0001\u001f\u007f",
          "</script><script>alert(1)</script>",
          "\u2028line\u2029paragraph",
          "emoji \ud83d\udcf0 pair",
          "lone high \ud800 end",
          "lone low \udc00 end",
          "reversed \udc00\ud800",
          "high at end \ud83d",
          "\udc00 low first",
          "Zürich Kraków ایران",
          "{\"k\": [1,2]}",
          "\\u0041 is not A");

  static Object parse(String json) throws Exception {
    return JSON.std.anyFrom(json);
  }

  @Test
  void hostileStringsReadBackEqualAsNamesAndValues() throws Exception {
    for (String s : HOSTILE) {
      String json =
          new JsonWriter()
              .beginObject()
              .field(s, s)
              .name("list")
              .beginArray()
              .value(s)
              .endArray()
              .endObject()
              .json();
      Map<?, ?> back = (Map<?, ?>) parse(json);
      assertEquals(s, back.keySet().iterator().next(), json);
      assertEquals(s, back.get(s), json);
      assertEquals(List.of(s), back.get("list"), json);
    }
  }

  @Test
  void outputHasNoControlCharactersLineSeparatorsOrLoneSurrogates() {
    String json = new JsonWriter().value(String.join("", HOSTILE)).json();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      assertTrue(
          c >= 0x20 && c != 0x2028 && c != 0x2029, "char " + (int) c + " at " + i + " of " + json);
      if (Character.isHighSurrogate(c)) {
        assertTrue(i + 1 < json.length() && Character.isLowSurrogate(json.charAt(++i)), json);
      } else {
        assertFalse(Character.isLowSurrogate(c), json);
      }
    }
    assertTrue(
        json.contains("\\u2028line\\u2029") && json.contains("\\ud800") && json.contains("\\udc00"),
        json);
    assertTrue(
        json.contains("\ud83d\udcf0"), "a surrogate pair is one character, written as is: " + json);
  }

  @Test
  void randomStringsReadBackEqual() throws Exception {
    Random random = new Random(9);
    for (int n = 0; n < 2000; n++) {
      char[] chars = new char[random.nextInt(12)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            random.nextInt(3) == 0
                ? (char) (0xd7f0 + random.nextInt(0x830))
                : (char) random.nextInt(0x80);
      }
      String s = new String(chars);
      assertEquals(
          s, parse(new JsonWriter().value(s).json()), () -> "chars " + s.chars().boxed().toList());
    }
  }

  @Test
  void floatsAreWrittenAsFloatToStringAndReadBackToTheSameBits() throws Exception {
    List<Float> floats =
        new ArrayList<>(
            List.of(
                0f,
                -0f,
                1f,
                0.1f,
                1.0e-5f,
                3.4028235e38f,
                Float.MIN_VALUE,
                1.4E-45f,
                7.2345676f,
                123456.79f,
                1.0e10f));
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      floats.add(Float.intBitsToFloat(random.nextInt()) % 1e6f);
    }
    for (float f : floats) {
      if (Float.isNaN(f)) {
        continue;
      }
      String json = new JsonWriter().beginArray().value(f).endArray().json();
      assertEquals("[" + Float.toString(f) + "]", json);
      float back = Float.parseFloat(String.valueOf(((List<?>) parse(json)).get(0)));
      assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(back), json);
    }
    assertThrows(IllegalArgumentException.class, () -> new JsonWriter().value(Float.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new JsonWriter().value(Float.POSITIVE_INFINITY));
  }

  @Test
  void commasAndNestingArePlacedByTheWriter() throws Exception {
    String json =
        new JsonWriter()
            .beginObject()
            .field("a", 1)
            .name("b")
            .beginArray()
            .value(true)
            .value((String) null)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .value(-5)
            .endArray()
            .field("c", "x")
            .endObject()
            .json();
    assertEquals("{\"a\":1,\"b\":[true,null,{},[],-5],\"c\":\"x\"}", json);
    assertEquals(
        Map.of("a", 1, "b", List.of(true, Map.of(), List.of(), -5), "c", "x"),
        withoutNull((Map<?, ?>) parse(json)));
  }

  private static Map<?, ?> withoutNull(Map<?, ?> m) {
    List<?> b = new ArrayList<>((List<?>) m.get("b"));
    assertTrue(b.remove(null));
    return Map.of("a", m.get("a"), "b", b, "c", m.get("c"));
  }

  @Test
  void misuseIsRefusedInsteadOfWritingBrokenJson() {
    assertThrows(
        IllegalStateException.class, () -> new JsonWriter().beginObject().value("no name"));
    assertThrows(
        IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").name("b"));
    assertThrows(
        IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endObject());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("a"));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().json());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().json());
    JsonWriter deep = new JsonWriter();
    for (int i = 0; i < 100; i++) {
      deep.beginArray();
    }
    for (int i = 0; i < 100; i++) {
      deep.endArray();
    }
    assertEquals("[".repeat(100) + "]".repeat(100), deep.json());
    assertFalse(deep.json().isEmpty());
  }
}
