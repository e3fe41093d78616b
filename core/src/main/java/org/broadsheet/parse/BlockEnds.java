package org.broadsheet.parse;

/**
 * Where a heading ends in a body's plain text (summaries, search snippets, the index). Blocks sit
 * on lines of their own there, but a line break is only white space once a summary or a snippet is
 * shown, so a subhead ran into the paragraph after it: "Knock-on effects The low water comes". A
 * heading that does not end a sentence itself is ended with a full stop in the plain text
 * ("Knock-on effects. The low water comes"). The analyzers make no token of the stop and give it no
 * position, so the index's terms, positions and norms, and with them phrase queries and scores,
 * stay as they were; the HTML is not touched.
 */
public final class BlockEnds {
  /** What ends a heading in the plain text when it does not end a sentence. */
  public static final String STOP = ".";

  /** Sentence and clause ends, Latin, Arabic script (؟ ۔ ؛), CJK and full-width. */
  private static final String ENDS = ".!?:;…‽؟۔؛。！？：；．";

  /** Closing quotes and brackets, which may follow the end: 'Why "now?"', "(See below.)". */
  private static final String CLOSERS = "\"'”’»›)]}」』";

  private BlockEnds() {}

  /**
   * {@code heading} as it goes into plain text: with {@link #STOP} after it unless it already ends
   * a sentence or clause (or is blank).
   */
  public static String closed(String heading) {
    return endsSentence(heading) ? heading : heading + STOP;
  }

  /** Whether {@code text} (stripped) is blank or ends with a sentence's or clause's end. */
  public static boolean endsSentence(CharSequence text) {
    int i = text.length() - 1;
    while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || isCloser(text.charAt(i)))) {
      i--;
    }
    return i < 0 || ENDS.indexOf(text.charAt(i)) >= 0;
  }

  private static boolean isCloser(char c) {
    return CLOSERS.indexOf(c) >= 0;
  }
}
