package org.broadsheet.parse;

/** Short texts made from longer ones, cut at a word boundary. */
public final class Summaries {
  private Summaries() {}

  /**
   * At most {@code max} characters of {@code text}: whole sentences if they fit, else whole words
   * and an ellipsis.
   */
  public static String lead(String text, int max) {
    String s = collapsedStart(text, max + 1);
    if (s.length() <= max) {
      return s;
    }
    int sentenceEnd = -1;
    for (int i = 0; i < max; i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?')
          && i + 1 < s.length()
          && s.charAt(i + 1) == ' '
          && i > max / 2) {
        sentenceEnd = i + 1;
      }
    }
    if (sentenceEnd > 0) {
      return s.substring(0, sentenceEnd);
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return withoutTrailingPunctuation(s.substring(0, cut)) + "…";
  }

  /**
   * {@code s.replaceAll("[\\s,;:–—-]+$", "")}, told by hand (where the JIT is C1, the launcher's,
   * the regular expression tried a match from every space of the lead): the run of those characters
   * at the end goes, or the one before a last line terminator that is not among them (U+0085,
   * U+2028, U+2029), where {@code $} matches too.
   */
  static String withoutTrailingPunctuation(String s) {
    int keep = s.length(); // from here on kept
    if (keep > 0) {
      char last = s.charAt(keep - 1);
      if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
        keep--;
      }
    }
    int cut = keep;
    while (cut > 0 && trailing(s.charAt(cut - 1))) {
      cut--;
    }
    return cut == keep ? s : s.substring(0, cut) + s.substring(keep);
  }

  private static boolean trailing(char c) {
    return isRegexSpace(c) || c == ',' || c == ';' || c == ':' || c == '–' || c == '—' || c == '-';
  }

  /**
   * The first {@code limit} characters of {@code text.strip().replaceAll("\\s+", " ")}, made
   * without copying the rest of a long body: a lead needs only its start.
   */
  static String collapsedStart(String text, int limit) {
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder sb = new StringBuilder(Math.min(limit, end - start));
    for (int i = start; i < end && sb.length() < limit; i++) {
      char c = text.charAt(i);
      if (!isRegexSpace(c)) {
        sb.append(c);
      } else if (!isRegexSpace(text.charAt(i - 1))) {
        sb.append(' '); // the first of a run; the run never starts at 'start', which strip() left
        // non-blank
      }
    }
    return sb.toString();
  }

  /**
   * What {@code \s} matches in a Java regex: space, tab, line feed, vertical tab, form feed,
   * carriage return.
   */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
