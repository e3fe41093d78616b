package org.broadsheet.search;

/**
 * A small streaming JSON writer: objects, arrays, names and values, commas placed and nesting
 * checked by the writer, so no caller concatenates JSON by hand. Compiled for the browser by TeaVM
 * (no reflection, no {@code String.format}), which is why it is not Jackson.
 *
 * <p>Strings are escaped so that any Java string reads back equal in every JSON parser, also when
 * the text is pasted into JavaScript: quotes, backslashes and control characters, U+2028 and U+2029
 * (line ends in JavaScript before ES2019), and lone surrogates (which UTF-8 cannot carry) are
 * written as escapes. Floats are written with {@link Float#toString}, the shortest text that reads
 * back to the same float, so the browser and the JVM print identical scores.
 *
 * <pre>
 *   new JsonWriter().beginObject().name("total").value(3).name("hits").beginArray().endArray().endObject().json()
 *   -> {"total":3,"hits":[]}
 * </pre>
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Where the writer is: nothing written, one complete value, or inside an object or array. */
  private enum Scope {
    START,
    DONE,
    EMPTY_OBJECT,
    OBJECT,
    AFTER_NAME,
    EMPTY_ARRAY,
    ARRAY
  }

  private final StringBuilder out = new StringBuilder();
  private Scope[] stack = new Scope[8];
  private int depth = 1;

  public JsonWriter() {
    stack[0] = Scope.START;
  }

  public JsonWriter beginObject() {
    beforeValue();
    push(Scope.EMPTY_OBJECT);
    out.append('{');
    return this;
  }

  public JsonWriter endObject() {
    Scope top = stack[depth - 1];
    if (top != Scope.EMPTY_OBJECT && top != Scope.OBJECT) {
      throw new IllegalStateException(
          "endObject() outside an object, or after a name without a value");
    }
    depth--;
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    push(Scope.EMPTY_ARRAY);
    out.append('[');
    return this;
  }

  public JsonWriter endArray() {
    Scope top = stack[depth - 1];
    if (top != Scope.EMPTY_ARRAY && top != Scope.ARRAY) {
      throw new IllegalStateException("endArray() outside an array");
    }
    depth--;
    out.append(']');
    return this;
  }

  /** The name of the next member of the current object. */
  public JsonWriter name(String name) {
    Scope top = stack[depth - 1];
    if (top != Scope.EMPTY_OBJECT && top != Scope.OBJECT) {
      throw new IllegalStateException(
          "name(\"" + name + "\") outside an object, or right after another name");
    }
    if (top == Scope.OBJECT) {
      out.append(',');
    }
    string(name);
    out.append(':');
    stack[depth - 1] = Scope.AFTER_NAME;
    return this;
  }

  /** A string, or {@code null} for null. */
  public JsonWriter value(String s) {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  public JsonWriter value(long n) {
    beforeValue();
    out.append(n);
    return this;
  }

  public JsonWriter value(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  /**
   * A float as {@link Float#toString} writes it; JSON has no NaN or infinity, so those are refused.
   */
  public JsonWriter value(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      throw new IllegalArgumentException("JSON has no " + f);
    }
    beforeValue();
    out.append(Float.toString(f));
    return this;
  }

  public JsonWriter field(String name, String value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  public JsonWriter field(String name, float value) {
    return name(name).value(value);
  }

  /** The text written: one complete JSON value. */
  public String json() {
    if (depth != 1 || stack[0] != Scope.DONE) {
      throw new IllegalStateException("the JSON value is not complete: " + out);
    }
    return out.toString();
  }

  private void beforeValue() {
    Scope top = stack[depth - 1];
    switch (top) {
      case START -> stack[depth - 1] = Scope.DONE;
      case AFTER_NAME -> stack[depth - 1] = Scope.OBJECT;
      case EMPTY_ARRAY -> stack[depth - 1] = Scope.ARRAY;
      case ARRAY -> out.append(',');
      case DONE ->
          throw new IllegalStateException("a JSON text holds one value; it is complete: " + out);
      default -> throw new IllegalStateException("a value inside an object needs a name first");
    }
  }

  private void push(Scope scope) {
    if (depth == stack.length) {
      Scope[] bigger = new Scope[depth * 2];
      System.arraycopy(stack, 0, bigger, 0, depth);
      stack = bigger;
    }
    stack[depth++] = scope;
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate(s, i)) {
            unicodeEscape(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A surrogate that is not half of a pair: UTF-8 cannot encode it, the escape keeps it. */
  private static boolean loneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  private void unicodeEscape(char c) {
    out.append("\\u")
        .append(HEX[c >> 12 & 0xf])
        .append(HEX[c >> 8 & 0xf])
        .append(HEX[c >> 4 & 0xf])
        .append(HEX[c & 0xf]);
  }
}
