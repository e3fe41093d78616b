package org.broadsheet.parse;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
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
    } else if (text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('"') < 0) {
      html.raw(text); // what text() appends when its escaping regex finds nothing to escape
    } else {
      // what text() appends, escaped without its regex: its escapeHtml(text, false) turns the
      // same four characters into the same entities
      html.raw(Html.escapeTo(new StringBuilder(text.length() + 32), text, 0, text.length(), false));
    }
  }

  /**
   * The characters of a text node. Text within one line is a {@link SubSequence}, a slice of the
   * document that {@code substring} copies at once, where flexmark's {@code toString} copies a
   * character at a time; it also turns NUL into U+FFFD, so a slice holding a NUL takes that path.
   */
  private static String text(BasedSequence chars) {
    if (chars instanceof SubSequence && chars.getBase() instanceof String document) {
      String slice = document.substring(chars.getStartOffset(), chars.getEndOffset());
      if (slice.indexOf('\0') < 0) {
        return slice;
      }
    }
    return chars.toString();
  }
}
