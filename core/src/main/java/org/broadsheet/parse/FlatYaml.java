package org.broadsheet.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Front matter as converters and generators write it, read without SnakeYAML: one {@code key:
 * value} a line, the value a double-quoted string without escapes, a list of such strings in
 * brackets, a whole number, a date or date-time, {@code true} or {@code false}, or plain words. The
 * answer is what SnakeYAML (as {@link Yamls} sets it up) gives for the same text ({@code
 * FlatYamlTest} compares them); anything else, or anything it is unsure of, is left to SnakeYAML,
 * which also reports errors. SnakeYAML's scanner was a tenth of a Markdown article's parse.
 */
final class FlatYaml {
  /*
   * The shapes below are told by hand, not by regular expressions: matching three of them on every
   * line of front matter took two thirds of this class's time where the JIT is C1 (the launcher's).
   */

  /**
   * A key SnakeYAML reads as a string ({@code [A-Za-z][A-Za-z0-9_-]*}); a few words that it reads
   * as booleans or null are not ({@link #SPECIAL}).
   */
  static boolean isKey(String s) {
    if (s.isEmpty() || !letter(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!letter(c) && !digit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * A date or date-time, {@code \d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?}: a
   * string, as {@link Yamls} resolves no timestamps.
   */
  static boolean isDate(String s) {
    int n = s.length();
    if (!shaped(s, 0, "dddd-dd-dd")) {
      return false;
    } else if (n == 10) {
      return true;
    } else if (!shaped(s, 10, "Tdd:dd")) {
      return false;
    }
    int at = 16;
    if (at < n && s.charAt(at) == ':') {
      if (!shaped(s, at, ":dd")) {
        return false;
      }
      at += 3;
    }
    return at == n
        || at + 1 == n && s.charAt(at) == 'Z'
        || at + 6 == n
            && (s.charAt(at) == '+' || s.charAt(at) == '-')
            && shaped(s, at + 1, "dd:dd");
  }

  /**
   * A whole number that fits an {@code int}, as SnakeYAML writes it back: {@code 0|[1-9]\d{0,8}}.
   */
  static boolean isInt(String s) {
    int n = s.length();
    if (n == 0 || n > 9 || s.charAt(0) == '0' && n > 1) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} from {@code at} is {@code shape}: a {@code d} for a digit, else itself. */
  private static boolean shaped(String s, int at, String shape) {
    if (at + shape.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < shape.length(); i++) {
      char want = shape.charAt(i);
      char c = s.charAt(at + i);
      if (want == 'd' ? !digit(c) : c != want) {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

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
      if (!isKey(key) || SPECIAL.contains(key.toLowerCase(Locale.ROOT)) || out.containsKey(key)) {
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
    } else if (isInt(v)) {
      return Integer.valueOf(v);
    } else if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    } else if (isDate(v)) {
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
