package org.broadsheet.view;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON that can sit inside a {@code <script>} element (a page's JSON-LD, the strings its scripts
 * read): {@code <}, {@code >}, {@code &} and the line separators U+2028 and U+2029 are written as
 * escapes, so no value can close the element or start markup. Jackson writes them as it writes the
 * rest, in one pass.
 */
public final class ScriptJson {
  private static final JSON WRITER =
      JSON.builder(new JsonFactoryBuilder().characterEscapes(new ScriptEscapes()).build()).build();

  private ScriptJson() {}

  /** {@code value} (maps, lists, strings, numbers) as script-safe JSON. */
  public static String of(Object value) {
    try {
      return WRITER.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON's own escapes, and {@code \u003c} for {@code <} and the like. */
  private static final class ScriptEscapes extends CharacterEscapes {
    private static final SerializableString LT = new SerializedString("\\u003c");
    private static final SerializableString GT = new SerializedString("\\u003e");
    private static final SerializableString AMP = new SerializedString("\\u0026");
    private static final SerializableString LINE = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");

    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptEscapes() {
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case '<' -> LT;
        case '>' -> GT;
        case '&' -> AMP;
        case 0x2028 -> LINE;
        case 0x2029 -> PARAGRAPH;
        default -> null;
      };
    }
  }
}
