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

  public int wordCount() {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        words++;
      }
      inWord = letter;
    }
    return words;
  }
}
