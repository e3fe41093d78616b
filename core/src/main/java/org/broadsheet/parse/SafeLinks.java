package org.broadsheet.parse;

import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.Attribute;
import java.util.function.IntUnaryOperator;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.LineMap;

/**
 * {@link SafeUrls} applied to flexmark: the renderer drops every unsafe {@code href} and {@code
 * src} as the last step before an element is written (links, images, autolinks, reference links
 * alike), so the link text and the image's alt text stay and nothing can be clicked; and the parser
 * reports each dropped URL where it was written.
 */
final class SafeLinks {
  private static final int SHOWN = 80;

  private SafeLinks() {}

  /** Registers with {@code HtmlRenderer.builder().attributeProviderFactory(...)}. */
  static IndependentAttributeProviderFactory attributeProviderFactory() {
    return new IndependentAttributeProviderFactory() {
      @Override
      public AttributeProvider apply(LinkResolverContext context) {
        return (node, part, attributes) -> {
          for (String name : new String[] {"href", "src"}) {
            Attribute value = attributes.get(name);
            if (value != null && !SafeUrls.isSafe(value.getValue())) {
              attributes.remove(name);
            }
          }
        };
      }
    };
  }

  /**
   * A warning for each link, image, autolink and reference definition in {@code document} whose URL
   * is unsafe. {@code fileOffset} turns an offset in the parsed text into one in the file.
   */
  static void report(
      Node document,
      String path,
      LineMap lines,
      IntUnaryOperator fileOffset,
      Diagnostics diagnostics) {
    for (Node node : document.getDescendants()) {
      // <...> autolinks and the extension's bare URLs carry their address as text; the others as
      // url
      String url =
          node instanceof DelimitedLinkNode auto
              ? auto.getText().toString()
              : node instanceof LinkNodeBase link ? link.getUrl().unescape() : null;
      if (url != null && !SafeUrls.isSafe(url)) {
        int offset = fileOffset.applyAsInt(node.getStartOffset());
        int line = lines.line(offset);
        diagnostics.add(
            Diagnostic.warning(
                path,
                line,
                lines.column(offset),
                "unsafe link '"
                    + shown(url)
                    + "' written without its address: only http, https, mailto, tel, relative links and #fragments are kept",
                lines.lineText(line)));
      }
    }
  }

  /**
   * The URL as it can be shown in a terminal: control characters as {@code \xNN}, cut after 80
   * chars.
   */
  private static String shown(String url) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < url.length() && sb.length() < SHOWN; i++) {
      char c = url.charAt(i);
      sb.append(c < ' ' || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c));
    }
    return sb.length() < SHOWN ? sb.toString() : sb + "…";
  }
}
