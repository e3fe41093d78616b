package org.broadsheet.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders flexmark's text nodes as its core renderer does, {@code
 * html.text(normalizeEOL(unescape(chars)))}, without the two passes that change nothing in plain
 * text: un-escaping runs a regex over the text to find a {@code \} or {@code &} and then copies it,
 * and normalising line ends copies it again a character at a time to turn {@code \r} into {@code
 * \n}. Text without those three characters goes to the writer as it is; the rest takes flexmark's
 * own path. Text without {@code & < > "} either is appended as it is, without the regex that {@code
 * text()} runs to escape them, and text with {@code < > "} is escaped by {@link Html#escapeTo} as
 * that regex would (quotes are in an eighth of a news story's sentences: the regex was 2 % of the
 * 100,000-story build's parse). (A quarter of the time of a Markdown parse went to rendering text
 * nodes.)
 */
final class PlainTextNodes implements NodeRenderer {
  /** Where {@link #render(HtmlRenderer, Document)} holds the texts its marks stand for. */
  private static final NullableDataKey<List<String>> HELD =
      new NullableDataKey<>("BROADSHEET_HELD_TEXTS");

  /** A mark's first and last character, around its number; never in a document rendered so. */
  private static final char MARK = '\0';

  private PlainTextNodes() {}

  /**
   * Registers with {@code HtmlRenderer.builder().nodeRendererFactory(...)}, which puts it before
   * flexmark's own.
   */
  static NodeRendererFactory factory() {
    return options -> new PlainTextNodes();
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, PlainTextNodes::render));
  }

  private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
    String text = text(node.getChars());
    boolean plain = text.indexOf('\\') < 0 && text.indexOf('&') < 0 && text.indexOf('\r') < 0;
    if (!plain) {
      html.text(Escaping.normalizeEOL(node.getChars().unescape()));
      return;
    }
    String escaped =
        text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('"') < 0
            ? text // what text() appends when its escaping regex finds nothing to escape
            // what text() appends, escaped without its regex: its escapeHtml(text, false) turns the
            // same four characters into the same entities
            : Html.escapeTo(new StringBuilder(text.length() + 32), text, 0, text.length(), false)
                .toString();
    List<String> held = HELD.get(context.getDocument());
    int start = 0;
    while (start < escaped.length()
        && (escaped.charAt(start) == ' ' || escaped.charAt(start) == '\t')) {
      start++;
    }
    if (held == null || start == escaped.length() || escaped.indexOf('\n') >= 0) {
      html.raw(escaped);
      return;
    }
    // the writer keeps or drops the blanks a line starts with; from the first other character on,
    // it appends a line's text as it is, so a mark can stand in for the rest until fill()
    if (start > 0) {
      html.raw(escaped.substring(0, start));
    }
    html.raw(MARK + Integer.toString(held.size()) + MARK);
    held.add(escaped.substring(start));
  }

  /**
   * Renders {@code document} with {@code renderer}: flexmark's writer appends text a character at a
   * time, looking at each for line ends and blanks (a fifth of a Markdown parse), so the text of
   * its text nodes is held aside and a short mark written in its place, which {@link #fill}
   * replaces. A document that holds the mark's character itself is rendered the plain way.
   */
  static String render(HtmlRenderer renderer, Document document) {
    if (document.getChars().indexOf(MARK) >= 0) {
      return renderer.render(document);
    }
    List<String> held = new ArrayList<>();
    document.set(HELD, held);
    String html;
    try {
      html = renderer.render(document);
    } finally {
      document.remove(HELD);
    }
    return held.isEmpty() ? html : fill(html, held);
  }

  /** {@code html} with each mark replaced by the text it stands for. */
  static String fill(String html, List<String> held) {
    StringBuilder out = new StringBuilder(html.length() + held.size() * 64);
    int from = 0;
    for (int mark = html.indexOf(MARK); mark >= 0; mark = html.indexOf(MARK, from)) {
      int end = html.indexOf(MARK, mark + 1);
      out.append(html, from, mark).append(held.get(Integer.parseInt(html, mark + 1, end, 10)));
      from = end + 1;
    }
    return out.append(html, from, html.length()).toString();
  }

  /**
   * The characters of a text node. Text within one line is a {@link SubSequence}, a slice of the
   * document that {@code substring} copies at once, where flexmark's {@code toString} copies a
   * character at a time; it also turns NUL into U+FFFD, so a slice holding a NUL takes that path.
   */
  private static String text(BasedSequence chars) {
    String document = chars instanceof SubSequence ? BoundedReads.documentOf(chars) : null;
    if (document != null) {
      String slice = document.substring(chars.getStartOffset(), chars.getEndOffset());
      if (slice.indexOf('\0') < 0) {
        return slice;
      }
    }
    return chars.toString();
  }
}
