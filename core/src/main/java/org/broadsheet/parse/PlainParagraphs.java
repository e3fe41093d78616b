package org.broadsheet.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.content.Body;

/**
 * Markdown that is nothing but paragraphs of prose, rendered without flexmark: wire copy converted
 * to Markdown mostly is (all but 79 of the first 10,000 Reuters stories), and flexmark's parse and
 * render were a fifth of a build's CPU. The answer is the one {@link MarkdownParser} gets from
 * flexmark, HTML and plain text alike ({@code PlainParagraphsTest} compares them on random and real
 * input); any character or line start that could mean something else in CommonMark or in the
 * extensions the parser uses makes it decline, and flexmark reads the body.
 *
 * <p>Declined: the characters of inline syntax ({@code \ ` _ [ ] & ~ |}), a second run of asterisks
 * in a paragraph that could open or close emphasis (one is text, as emphasis needs two: the flash
 * line of wire copy, {@link #flash}, or a footnote's mark; a run between spaces can do neither), an
 * {@code @}, a {@code ://} or a {@code www.} (autolinks), comments, processing instructions and
 * declarations ({@code <!}, {@code <?}) and a {@code <} with a colon or another {@code <} before
 * its {@code >} on the line (autolinks); tabs, carriage returns, other control characters and every
 * space but U+0020; a line that starts (after at most three spaces) with {@code # > + =} or a dash
 * that may be a list item, a rule or an underline (headings, quotes, lists, rules, underlines; see
 * {@link #dashesStartBlock}), with a number and {@code .} or {@code )} then a space where it may
 * start a list, or with a {@code <} that may start an HTML block; a paragraph whose first line is
 * indented four spaces (code; a later line so indented goes on with the paragraph, whatever else it
 * starts with); a line ending in spaces inside raw HTML going on past the line; a paragraph
 * starting with {@code <} after a blank line holding spaces. A line ending in one space loses it on
 * the page, and one ending in two or more ends in a hard break ({@code <br />}) unless it is the
 * paragraph's last; the plain text keeps them where flexmark's does (in a paragraph with an
 * indented line, but not on its last line). 90 of 10,000 Reuters stories went to flexmark for a
 * hard break. Raw HTML otherwise (the tickers of wire copy, {@code <CCI>}, {@code <Lloyds Bank NZA
 * Ltd>}, even over two lines) is shown as text by the parser, as here.
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
    Paragraph paragraph = new Paragraph(text);
    boolean spacesBefore = false; // a blank line before the next paragraph holds spaces
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
        spacesBefore |= end > start;
        if (paragraph.open) {
          html.append("</p>\n");
          paragraph.close();
        }
        start = end + 1;
        continue;
      }
      boolean indented = first > start;
      // no block starts indented four spaces or more: inside a paragraph such a line goes on with
      // it, whatever it starts with (wire copy's "    - Corrects ..."); but flexmark's plain text
      // keeps the indent of one starting with raw HTML, which is left to it
      boolean goesOn = paragraph.open && first - start >= 4 && markdown.charAt(first) != '<';
      if (!paragraph.open && (first - start >= 4 || spacesBefore && markdown.charAt(first) == '<')
          || !goesOn && startsBlock(markdown, first, end, paragraph.open, indented)) {
        return Optional.empty(); // (flexmark's text of a paragraph starting with raw HTML holds
        // the spaces of the blank lines before it)
      }
      spacesBefore = false;
      int from = first; // where the line's text is checked from
      if (markdown.charAt(first) == '*') {
        from = flash(markdown, first, end, paragraph);
        if (from < 0) {
          return Optional.empty();
        }
      }
      // one space at the end is dropped from the page; two or more make a hard break before the
      // paragraph's next line
      int last = end;
      while (markdown.charAt(last - 1) == ' ') {
        last--;
      }
      if (!plain(markdown, from, last, paragraph)
          || last < end && tagGoesOn(markdown, first, last)) {
        return Optional.empty(); // raw HTML keeps the space it goes on past the line with
      }
      if (paragraph.open) {
        html.append(paragraph.hardBreak ? "<br />\n" : "\n");
        text.append('\n');
      } else {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        html.append("<p>");
        paragraph.open = true;
      }
      Html.escapeTo(html, markdown, first, last, false); // as flexmark escapes text
      text.append(markdown, first, last);
      paragraph.line(indented, end - last);
      start = end + 1;
    }
    if (paragraph.open) {
      html.append("</p>\n");
      paragraph.close();
    }
    return Optional.of(new Body(html.toString(), text.toString()));
  }

  /**
   * Where the text after a run of asterisks opening the line {@code s[first, end)} starts, or -1.
   * Wire copy's flash line ({@code ******ASSETS OF MONEY MARKET FUNDS ROSE}, or {@code ****** Bank
   * of France said}) is text: a run at a line's start can only open emphasis, when text follows it
   * at once, and then nothing closes it where the paragraph holds no other run that could ({@link
   * #plain}). One asterisk then a space is a list item, and asterisks and spaces alone are a rule:
   * declined.
   */
  private static int flash(String s, int first, int end, Paragraph paragraph) {
    int run = first;
    while (run < end && s.charAt(run) == '*') {
      run++;
    }
    if (run == end) {
      return -1;
    }
    if (s.charAt(run) == ' ') {
      if (run == first + 1) {
        return -1;
      }
      for (int i = run; i < end; i++) {
        if (s.charAt(i) != '*' && s.charAt(i) != ' ') {
          return run; // a space on either side: it can neither open nor close
        }
      }
      return -1;
    }
    if (paragraph.asterisks) {
      return -1;
    }
    paragraph.asterisks = true;
    return run;
  }

  /** Whether a tag opened on the line {@code s[first, last)} is still open at its end. */
  private static boolean tagGoesOn(String s, int first, int last) {
    int open = s.lastIndexOf('<', last - 1);
    if (open < first) {
      return false;
    }
    int close = s.indexOf('>', open);
    return close < 0 || close >= last;
  }

  /**
   * The paragraph being read, for the one thing of its plain text that depends on all its lines:
   * flexmark's plain text keeps the space a line ends with (not the last line's) where any line of
   * the paragraph is indented, and drops it otherwise.
   */
  private static final class Paragraph {
    private final StringBuilder text;
    // where a line's end spaces would go in the text, and how many: {at, count} pairs
    private final List<int[]> spaces = new ArrayList<>();
    boolean open;
    boolean asterisks; // the paragraph holds a run of asterisks ({@link #plain})
    boolean hardBreak; // the last line ended in two spaces or more
    private boolean indented;

    Paragraph(StringBuilder text) {
      this.text = text;
    }

    void line(boolean indented, int endSpaces) {
      this.indented |= indented;
      if (endSpaces > 0) {
        spaces.add(new int[] {text.length(), endSpaces});
      }
      hardBreak = endSpaces >= 2;
    }

    void close() {
      if (!spaces.isEmpty() && spaces.get(spaces.size() - 1)[0] == text.length()) {
        spaces.remove(spaces.size() - 1); // the last line's: dropped
      }
      if (indented) {
        for (int i = spaces.size() - 1; i >= 0; i--) {
          text.insert(spaces.get(i)[0], " ".repeat(spaces.get(i)[1]));
        }
      }
      spaces.clear();
      indented = false;
      asterisks = false;
      hardBreak = false;
      open = false;
    }
  }

  /**
   * Whether the line from {@code first} (its first character that is not a space) may start
   * something other than paragraph text. Inside a paragraph, a number and {@code .} or {@code )}
   * other than 1 is text (only a list starting at 1 interrupts a paragraph: "1987. The company"); a
   * {@code <} starts an HTML block only with a block-level tag name, or with a tag alone on its
   * line.
   */
  private static boolean startsBlock(
      String s, int first, int end, boolean inParagraph, boolean indented) {
    char c = s.charAt(first);
    if (c == '-') {
      return dashesStartBlock(s, first, end);
    }
    if ("#>+=".indexOf(c) >= 0) {
      return true;
    }
    if (c == '<') {
      return indented || startsHtmlBlock(s, first, end);
    }
    int i = first;
    int value = 0;
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      value = Math.min(10, value * 10 + s.charAt(i) - '0');
      i++;
    }
    return i > first
        && i < end
        && (s.charAt(i) == '.' || s.charAt(i) == ')')
        && (i + 1 == end || s.charAt(i + 1) == ' ')
        && (!inParagraph || value == 1);
  }

  /**
   * Whether the line {@code s[first, end)}, which starts with a dash, may be a list item (a dash,
   * then a space or nothing), a thematic break or a heading's underline (dashes and spaces only).
   * Wire copy's dashes opening a line ({@code -- were suspended a year ago}) are text: 60 of 10,000
   * Reuters stories went to flexmark for them.
   */
  private static boolean dashesStartBlock(String s, int first, int end) {
    if (first + 1 == end || s.charAt(first + 1) == ' ') {
      return true;
    }
    for (int i = first; i < end; i++) {
      if (s.charAt(i) != '-' && s.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * The tag names that start an HTML block wherever they stand (CommonMark's kinds 1 and 6), lower
   * case.
   */
  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "pre",
          "script",
          "style",
          "textarea",
          "address",
          "article",
          "aside",
          "base",
          "basefont",
          "blockquote",
          "body",
          "caption",
          "center",
          "col",
          "colgroup",
          "dd",
          "details",
          "dialog",
          "dir",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "frame",
          "frameset",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "head",
          "header",
          "hr",
          "html",
          "iframe",
          "legend",
          "li",
          "link",
          "main",
          "menu",
          "menuitem",
          "meta",
          "nav",
          "noframes",
          "ol",
          "optgroup",
          "option",
          "p",
          "param",
          "search",
          "section",
          "source",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "title",
          "tr",
          "track",
          "ul");

  /**
   * Whether a line starting with {@code <} at {@code first} may start an HTML block: anything but a
   * tag of a name not in {@link #BLOCK_TAGS} that closes on the line with text after it (the
   * tickers wire copy starts lines with, {@code <CCI> said}).
   */
  private static boolean startsHtmlBlock(String s, int first, int end) {
    int i = first + 1;
    if (i < end && s.charAt(i) == '/') {
      i++;
    }
    int name = i;
    while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
      i++;
    }
    if (i == name || BLOCK_TAGS.contains(s.substring(name, i).toLowerCase(Locale.ROOT))) {
      return true;
    }
    int close = s.indexOf('>', i);
    if (close < 0 || close >= end) {
      return true;
    }
    for (int j = close + 1; j < end; j++) {
      if (s.charAt(j) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s[from, to)} holds nothing inline syntax or an autolink could start with. A run
   * of asterisks is text where no other in its paragraph could pair with it into emphasis: it has
   * spaces (or a line's ends) on both sides, or it is the only one that has not.
   */
  private static boolean plain(String s, int from, int to, Paragraph paragraph) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '*') {
        // a run between spaces (or a line's ends) can neither open nor close emphasis; one that
        // can is text while it is the paragraph's only one
        boolean spaceBefore = i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\n';
        while (i + 1 < to && s.charAt(i + 1) == '*') {
          i++;
        }
        if (!spaceBefore || i + 1 < to && s.charAt(i + 1) != ' ') {
          if (paragraph.asterisks) {
            return false;
          }
          paragraph.asterisks = true;
        }
      } else if (c < 128) {
        if (SYNTAX[c]
            || c == ':' && s.startsWith("//", i + 1)
            || (c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4)
            || c == '<' && !textOrTag(s, i, to)) {
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
   * Whether the {@code <} at {@code s[at]} is text, or starts raw HTML (a tag, which may go on past
   * the line): either way the page shows it as text and the plain text holds it as written.
   * Comments, processing instructions and declarations ({@code <!}, {@code <?}) and what may be an
   * autolink ({@code <scheme:...>}: a colon before the line's next {@code >}) are left to flexmark.
   */
  private static boolean textOrTag(String s, int at, int to) {
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
      } else if (c == ':' || c == '<') {
        return false;
      }
    }
    return true; // goes on past the line: raw HTML or text, the page shows it as written either way
  }
}
