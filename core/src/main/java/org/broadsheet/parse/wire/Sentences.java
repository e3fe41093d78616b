package org.broadsheet.parse.wire;

import java.util.Locale;
import java.util.Set;

/**
 * Sentence ends in news prose, aware of the abbreviations news writing uses ({@code Gen.}, {@code
 * U.S.}).
 */
final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "gov", "sen",
          "rep", "rev", "prof", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "nos", "vs",
          "v", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "adm", "brig", "cmdr", "ave", "blvd", "mt", "ft", "approx", "dept", "est", "fig",
          "hon", "pres");

  private Sentences() {}

  /**
   * Whether a sentence ends at {@code text[i]} ({@code . ! ?}, closing quotes included), looking at
   * its word.
   */
  static boolean endsAt(String text, int i) {
    char c = text.charAt(i);
    if (c == '!' || c == '?') {
      return true;
    }
    if (c != '.') {
      return false;
    }
    int w = i;
    while (w > 0
        && i - w < 24
        && !Character.isWhitespace(text.charAt(w - 1))
        && text.charAt(w - 1) != '\u00a0') {
      w--;
    }
    String word = text.substring(w, i);
    if (word.isEmpty()) {
      return true;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false; // an initial: "John F. Kennedy"
    }
    if (word.indexOf('.') >= 0 && word.length() <= 6) {
      return false; // U.S., N.Y., a.m.
    }
    int letter = 0;
    while (letter < word.length() && !Character.isLetter(word.charAt(letter))) {
      letter++;
    }
    return word.length() - letter > 5
        || !ABBREVIATIONS.contains(word.substring(letter).toLowerCase(Locale.ROOT));
  }

  /**
   * Where the sentence that ends at or after {@code from} is over: the index just past its
   * terminator and closing quotes, or {@code text.length()}.
   */
  static int endOf(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && endsAt(text, i)) {
        int e = i + 1;
        while (e < text.length() && isClosing(text.charAt(e))) {
          e++;
        }
        if (e >= text.length()
            || Character.isWhitespace(text.charAt(e))
            || text.charAt(e) == '\u00a0') {
          return e;
        }
      }
    }
    return text.length();
  }

  static boolean isClosing(char c) {
    return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']';
  }
}
