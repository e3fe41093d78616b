package org.broadsheet.parse;

/** Short texts made from longer ones, cut at a word boundary. */
public final class Summaries {
  private Summaries() {}

  /** At most {@code max} characters of {@code text}: whole sentences if they fit, else whole words and an ellipsis. */
  public static String lead(String text, int max) {
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.length() <= max) {
      return s;
    }
    int sentenceEnd = -1;
    for (int i = 0; i < max; i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && i + 1 < s.length() && s.charAt(i + 1) == ' ' && i > max / 2) {
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
    return s.substring(0, cut).replaceAll("[\\s,;:–—-]+$", "") + "…";
  }
}
