package org.broadsheet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Front matter as converters and generators write it, read without SnakeYAML: one {@code key:
 * value} a line, the value a double-quoted string without escapes, a list of such strings in
 * brackets, a whole number, a date or date-time, {@code true} or {@code false}, or plain words. The
 * answer is what SnakeYAML (as {@link Yamls} sets it up) gives for the same text ({@code
 * FlatYamlTest} compares them); anything else, or anything it is unsure of, is left to SnakeYAML,
 * which also reports errors. SnakeYAML's scanner was a tenth of a Markdown article's parse.
 */
final class FlatYaml {
  /** A key SnakeYAML reads as a string; a few words that it reads as booleans or null are not. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  /** A date or date-time: a string, as {@link Yamls} resolves no timestamps. */
  private static final Pattern DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?)?");

  /** A whole number that fits an {@code int}, as SnakeYAML writes it back. */
  private static final Pattern INT = Pattern.compile("0|[1-9]\\d{0,8}");

  /** Plain words SnakeYAML reads as something other than a string (YAML 1.1 booleans, null). */
  private static final Set<String> SPECIAL =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  private FlatYaml() {}

  /** The mapping, or empty where SnakeYAML must read the text. */
  static Optional<Map<String, Object>> read(String yaml) {
    Map<String, Object> out = new LinkedHashMap<>();
    int n = yaml.length();
    for (int start = 0; start < n; ) {
      int end = yaml.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int colon = yaml.indexOf(": ", start);
      if (colon < 0 || colon >= end) {
        return Optional.empty();
      }
      String key = yaml.substring(start, colon);
      if (!KEY.matcher(key).matches()
          || SPECIAL.contains(key.toLowerCase(Locale.ROOT))
          || out.containsKey(key)) {
        return Optional.empty();
      }
      Object value = value(yaml.substring(colon + 2, end));
      if (value == null) {
        return Optional.empty();
      }
      out.put(key, value);
      start = end + 1;
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** The value of one line, or null where it is not one of the simple forms. */
  private static Object value(String v) {
    if (v.isEmpty()) {
      return null;
    } else if (v.charAt(0) == '"') {
      return quoted(v, 0, v.length());
    } else if (v.charAt(0) == '[') {
      return list(v);
    } else if (INT.matcher(v).matches()) {
      return Integer.valueOf(v);
    } else if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    } else if (DATE.matcher(v).matches()) {
      return v;
    }
    return plain(v) ? v : null;
  }

  /** {@code v[from, to)} as a double-quoted string with nothing to unescape, or null. */
  private static String quoted(String v, int from, int to) {
    if (to - from < 2 || v.charAt(from) != '"' || v.charAt(to - 1) != '"') {
      return null;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\' || !printable(c)) {
        return null;
      }
    }
    return v.substring(from + 1, to - 1);
  }

  /** {@code ["a", "b"]}: double-quoted strings, a comma and a space between. */
  private static List<String> list(String v) {
    if (v.charAt(v.length() - 1) != ']') {
      return null;
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int end = v.length() - 1;
    while (i < end) {
      int close = v.indexOf('"', i + 1);
      if (close < 0 || close >= end) {
        return null;
      }
      String item = quoted(v, i, close + 1);
      if (item == null) {
        return null;
      }
      out.add(item);
      i = close + 1;
      if (i < end) {
        if (!v.startsWith(", ", i)) {
          return null;
        }
        i += 2;
      }
    }
    return out;
  }

  /**
   * Plain words SnakeYAML reads as this string: a letter first, then letters, digits, single spaces
   * and a little punctuation; nothing a YAML indicator, comment or key could start with, and not a
   * word it reads as a boolean or null.
   */
  private static boolean plain(String v) {
    if (!Character.isLetter(v.charAt(0))
        || v.charAt(v.length() - 1) == ' '
        || SPECIAL.contains(v.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!Character.isLetterOrDigit(c) && " .,'()-/".indexOf(c) < 0 || !printable(c)) {
        return false;
      }
    }
    return true;
  }

  /** A character SnakeYAML takes as it is (no surrogates or byte-order mark here). */
  private static boolean printable(char c) {
    return c >= 0x20 && c <= 0x7E
        || c >= 0xA0 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
  }
}
