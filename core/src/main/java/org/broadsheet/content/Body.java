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
   * story, is told without the character tables (this count was 1.3 % of the 100,000-story build's
   * parse).
   */
  public int wordCount() {
    int words = 0;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      boolean letter =
          c < 128
              ? (char) ((c | 0x20) - 'a') < 26 || (char) (c - '0') < 10
              : Character.isLetterOrDigit(c);
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
