package org.broadsheet.content;

import java.util.Objects;

/**
 * An article's body in the two forms the site needs.
 *
 * @param html rendered HTML, already safe to insert into a page
 * @param text plain text, for the search index, summaries and word counts
 */
public record Body(String html, String text) {
  public static final Body EMPTY = new Body("", "");

  public Body {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Runs of letters and digits ({@link Character#isLetterOrDigit(char)}). ASCII, most of a news
   * story, is told without the character tables, and without a branch per character: where a word
   * starts is as good as random to the processor, and its mispredictions took half of this count's
   * time (which was 1.1 % of the 100,000-story build's CPU). The text is read in chunks copied out
   * at once: {@code charAt} is a call a character where the JIT is C1 (the launcher's).
   */
  public int wordCount() {
    int words = 0;
    boolean inWord = false;
    int n = text.length();
    char[] chunk = new char[Math.min(n, 4096)];
    for (int from = 0; from < n; from += chunk.length) {
      int length = Math.min(chunk.length, n - from);
      text.getChars(from, from + length, chunk, 0);
      for (int i = 0; i < length; i++) {
        char c = chunk[i];
        boolean letter =
            c < 128
                ? (char) ((c | 0x20) - 'a') < 26 | (char) (c - '0') < 10
                : Character.isLetterOrDigit(c);
        words += letter & !inWord ? 1 : 0;
        inWord = letter;
      }
    }
    return words;
  }
}
