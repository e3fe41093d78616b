package org.broadsheet.view;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON that can sit inside a {@code <script>} element (a page's JSON-LD, the strings its scripts
 * read): {@code <}, {@code >}, {@code &} and the line separators U+2028 and U+2029 are written as
 * escapes, so no value can close the element or start markup.
 */
public final class ScriptJson {
  private ScriptJson() {}

  /** {@code value} (maps, lists, strings, numbers) as script-safe JSON. */
  public static String of(Object value) {
    try {
      return escaped(JSON.std.asString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escaped(String json) {
    return json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
