package org.broadsheet.parse;

import java.util.Optional;
import org.broadsheet.content.Body;

/**
 * Markdown that is nothing but paragraphs of prose, rendered without flexmark: wire copy converted
 * to Markdown mostly is (two thirds of the Reuters stories), and flexmark's parse and render were a
 * fifth of a build's CPU. The answer is the one {@link MarkdownParser} gets from flexmark, HTML and
 * plain text alike ({@code PlainParagraphsTest} compares them on random and real input); any
 * character or line start that could mean something else in CommonMark or in the extensions the
 * parser uses makes it decline, and flexmark reads the body.
 *
 * <p>Declined: the characters of inline syntax ({@code \ ` * _ [ ] & ~ |}), an {@code @}, a {@code
 * ://} or a {@code www.} (autolinks), raw HTML other than a tag within one line (such as the
 * tickers of wire copy, {@code <CCI>}), tabs, carriage returns, other control characters and every
 * space but U+0020; a line that starts (after at most three spaces) with {@code # > - + = <} or
 * with a number and {@code .} or {@code )} then a space (headings, quotes, lists, rules,
 * underlines); a paragraph whose first line is indented four spaces (code); a line ending in a
 * space (two make a hard break; flexmark's plain text keeps one only after some lines).
 */
final class PlainParagraphs {
  /** ASCII characters that decline the fast path wherever they are. */
  private static final boolean[] SYNTAX = new boolean[128];

  static {
    for (char c = 0; c < ' '; c++) {
      SYNTAX[c] = c != '\n';
    }
    for (char c : "\\`*_[]&~|@".toCharArray()) {
      SYNTAX[c] = true;
    }
  }

  private PlainParagraphs() {}

  /** The body, or empty where the Markdown may hold more than plain paragraphs. */
  static Optional<Body> body(String markdown) {
    int n = markdown.length();
    StringBuilder html = new StringBuilder(n + n / 16 + 16);
    StringBuilder text = new StringBuilder(n);
    boolean inParagraph = false;
    for (int start = 0; start < n; ) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int first = start;
      while (first < end && markdown.charAt(first) == ' ') {
        first++;
      }
      if (first == end) { // a blank line ends the paragraph
        if (inParagraph) {
          html.append("</p>\n");
          inParagraph = false;
        }
        start = end + 1;
        continue;
      }
      if (!inParagraph && first - start >= 4 || startsBlock(markdown, first, end)) {
        return Optional.empty();
      }
      if (markdown.charAt(end - 1) == ' ' || !plain(markdown, first, end)) {
        return Optional.empty();
      }
      if (inParagraph) {
        html.append('\n');
        text.append('\n');
      } else {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        html.append("<p>");
        inParagraph = true;
      }
      Html.escapeTo(html, markdown, first, end, false); // as flexmark escapes text
      text.append(markdown, first, end);
      start = end + 1;
    }
    if (inParagraph) {
      html.append("</p>\n");
    }
    return Optional.of(new Body(html.toString(), text.toString()));
  }

  /**
   * Whether the line from {@code first} (its first character that is not a space) may start
   * something other than paragraph text.
   */
  private static boolean startsBlock(String s, int first, int end) {
    char c = s.charAt(first);
    if ("#>-+=<".indexOf(c) >= 0) {
      return true;
    }
    int i = first;
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i > first
        && i < end
        && (s.charAt(i) == '.' || s.charAt(i) == ')')
        && (i + 1 == end || s.charAt(i + 1) == ' ');
  }

  /** Whether {@code s[from, to)} holds nothing inline syntax or an autolink could start with. */
  private static boolean plain(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        if (SYNTAX[c]
            || c == ':' && s.startsWith("//", i + 1)
            || (c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4)
            || c == '<' && !oneLineTag(s, i, to)) {
          return false;
        }
      } else if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || c == '\u0085'
          || c == '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the {@code <} at {@code s[at]} is text, or starts raw HTML that ends on its line: a tag
   * with no quotes or colons before the line's next {@code >}. Either way the page shows it as text
   * and the plain text holds it as written. Comments, processing instructions and declarations
   * ({@code <!}, {@code <?}), autolinks ({@code <scheme:...>}) and tags that may go on past the
   * line are left to flexmark.
   */
  private static boolean oneLineTag(String s, int at, int to) {
    char next = at + 1 < to ? s.charAt(at + 1) : ' ';
    if (next == '!' || next == '?') {
      return false;
    }
    if (!Character.isLetter(next) && next != '/') {
      return true; // "3 < 4": no tag starts here
    }
    for (int i = at + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c == '>') {
        return true;
      } else if (c == '"' || c == '\'' || c == ':' || c == '<') {
        return false;
      }
    }
    return false;
  }
}
