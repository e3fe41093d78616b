package org.broadsheet.parse.wire;

import java.util.Objects;

/**
 * One block of a wire story's body, in reading order.
 *
 * @param kind what the block is
 * @param text its text: one line of normalised prose for paragraphs and headings, the lines as laid
 *     out (common indent removed) for preformatted blocks
 * @param line the 1-based line of the input where the block starts (0 when unknown)
 */
public record Block(Kind kind, String text, int line) {
  /** Block kinds, rendered as {@code <p>}, {@code <h2>} and {@code <pre>}. */
  public enum Kind {
    PARAGRAPH,
    HEADING,
    PREFORMATTED
  }

  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  public static Block paragraph(String text, int line) {
    return new Block(Kind.PARAGRAPH, text, line);
  }

  public static Block heading(String text, int line) {
    return new Block(Kind.HEADING, text, line);
  }

  public static Block preformatted(String text, int line) {
    return new Block(Kind.PREFORMATTED, text, line);
  }
}
