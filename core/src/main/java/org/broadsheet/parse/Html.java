package org.broadsheet.parse;

/** HTML text escaping for parsers that build HTML from plain text. */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    return escapeTo(new StringBuilder(text.length() + 16), text).toString();
  }

  /** Appends {@code text} escaped to {@code out}, and returns {@code out}. */
  public static StringBuilder escapeTo(StringBuilder out, String text) {
    int plain = 0; // text[plain, i) needs no escaping and is copied in one append
    for (int i = 0; i < text.length(); i++) {
      String entity =
          switch (text.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (entity != null) {
        out.append(text, plain, i).append(entity);
        plain = i + 1;
      }
    }
    return out.append(text, plain, text.length());
  }
}
