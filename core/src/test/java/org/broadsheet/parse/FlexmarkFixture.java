package org.broadsheet.parse;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;

/**
 * A flexmark parser and renderer with {@link MarkdownParser}'s options and the extensions given, to
 * compare Broadsheet's shortcuts with flexmark's own code; and random Markdown that exercises
 * links, tables, escapes, entities and blanks.
 */
record FlexmarkFixture(Parser parser, HtmlRenderer renderer, boolean plainTextNodes) {
  private static final String[] PIECES = {
    "a",
    "word",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "|",
    "| a |",
    "\n|---|---|\n",
    "---",
    ":",
    "/",
    "//",
    "@",
    "www.",
    "www.x.org",
    "http://x.org/a",
    "a@b.org",
    "\\",
    "\\:",
    "\\*",
    "&",
    "&#64;",
    "&amp;",
    "&copy;",
    "&bogus;",
    "\u0000",
    "\t",
    " \t ",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "~~",
    "-",
    "1.",
    "[^1]",
    "[^1]: note",
    "é",
    "    ",
    "> ",
    "# "
  };

  FlexmarkFixture(List<Extension> extensions, boolean plainTextNodes) {
    this(options(extensions), plainTextNodes);
  }

  private FlexmarkFixture(MutableDataSet options, boolean plainTextNodes) {
    this(
        Parser.builder(options).build(),
        plainTextNodes
            ? HtmlRenderer.builder(options).nodeRendererFactory(PlainTextNodes.factory()).build()
            : HtmlRenderer.builder(options).build(),
        plainTextNodes);
  }

  private static MutableDataSet options(List<Extension> extensions) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, extensions);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(TablesExtension.CLASS_NAME, "table");
    return options;
  }

  /** The HTML, rendered as {@link MarkdownParser} renders it when {@code plainTextNodes}. */
  String html(String markdown) {
    Document document = parser.parse(markdown);
    return plainTextNodes ? PlainTextNodes.render(renderer, document) : renderer.render(document);
  }

  static String randomMarkdown(Random random, int maxPieces) {
    StringBuilder md = new StringBuilder();
    for (int n = random.nextInt(maxPieces); n > 0; n--) {
      md.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return md.toString();
  }

  /** A tree's node kinds and source offsets, one node a line, indented by depth. */
  static String tree(Node root) {
    StringBuilder out = new StringBuilder();
    walk(root, 0, out);
    return out.toString();
  }

  private static void walk(Node node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth))
        .append(node.getClass().getSimpleName())
        .append(' ')
        .append(node.getStartOffset())
        .append('-')
        .append(node.getEndOffset())
        .append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      walk(child, depth + 1, out);
    }
  }
}
