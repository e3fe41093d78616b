package org.broadsheet.parse;

/** HTML text escaping for parsers that build HTML from plain text. */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    return escapeTo(new StringBuilder(text.length() + 16), text).toString();
  }

  /** Appends {@code text} escaped to {@code out}, and returns {@code out}. */
  public static StringBuilder escapeTo(StringBuilder out, String text) {
    return escapeTo(out, text, 0, text.length(), true);
  }

  /**
   * Appends {@code text[from, to)} escaped to {@code out}, {@code '} too unless {@code apostrophe}
   * is false (flexmark leaves it, and Markdown read without flexmark must come out as flexmark
   * writes it), and returns {@code out}.
   */
  static StringBuilder escapeTo(
      StringBuilder out, String text, int from, int to, boolean apostrophe) {
    int plain = from; // text[plain, i) needs no escaping and is copied in one append
    for (int i = from; i < to; i++) {
      String entity =
          switch (text.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> apostrophe ? "&#39;" : null;
            default -> null;
          };
      if (entity != null) {
        out.append(text, plain, i).append(entity);
        plain = i + 1;
      }
    }
    return out.append(text, plain, to);
  }
}
