package org.broadsheet.parse;

/** HTML text escaping for parsers that build HTML from plain text. */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int plain = 0; // text[plain, i) needs no escaping and is copied in one append
    for (int i = 0; i < text.length(); i++) {
      String entity = switch (text.charAt(i)) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (entity != null) {
        sb.append(text, plain, i).append(entity);
        plain = i + 1;
      }
    }
    return sb.append(text, plain, text.length()).toString();
  }
}
