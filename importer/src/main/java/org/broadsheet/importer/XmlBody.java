package org.broadsheet.importer;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The body of a news-industry XML document (NITF {@code body.content}, NewsML-G2 inline XHTML) as
 * Markdown: the XML is rebuilt as HTML elements, NITF's own names renamed to their HTML kin, and
 * converted like any other HTML.
 */
final class XmlBody {
  private static final Map<String, String> RENAMED =
      Map.ofEntries(
          Map.entry("hl1", "h2"),
          Map.entry("hl2", "h3"),
          Map.entry("block", "div"),
          Map.entry("body.content", "div"),
          Map.entry("nitf-table", "div"),
          Map.entry("table-reference", "span"),
          Map.entry("bq", "blockquote"),
          Map.entry("credit", "p"),
          Map.entry("media", "script"), // dropped: images are for the importer of issue 13
          Map.entry("fn", "span"),
          Map.entry("note", "span"));

  private XmlBody() {}

  static String markdown(XmlNode root) {
    root.markUsed();
    Document doc = Document.createShell("");
    append(doc.body(), root, 0);
    return HtmlToMarkdown.of(doc.body());
  }

  private static void append(Element parent, XmlNode node, int depth) {
    String tag = RENAMED.getOrDefault(node.name, node.name);
    Element e = depth == 0 ? parent : parent.appendElement(safeTag(tag));
    if (tag.equals("a") && node.attributes.containsKey("href")) {
      e.attr("href", node.attributes.get("href"));
    }
    if (tag.equals("img") && node.attributes.containsKey("src")) {
      e.attr("src", node.attributes.get("src"));
      e.attr("alt", node.attributes.getOrDefault("alt", ""));
    }
    for (Object o : node.content) {
      if (o instanceof XmlNode child) {
        append(e, child, depth + 1);
      } else {
        e.appendText((String) o);
      }
    }
  }

  /** An XML name as an HTML tag name: names with characters HTML tags do not take become spans. */
  private static String safeTag(String tag) {
    return tag.matches("[a-zA-Z][a-zA-Z0-9]*") ? tag : "span";
  }
}
