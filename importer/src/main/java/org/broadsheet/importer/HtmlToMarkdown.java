package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML from a feed, an export or a scraped page, as Markdown: paragraphs, headings, lists, quotes,
 * code, links and images, emphasis. Scripts, styles, frames, forms and embedded objects are dropped
 * with their content; links and images keep only {@code http}, {@code https}, {@code mailto} and
 * {@code tel} addresses (relative ones resolved against the page). Text is escaped so that it reads
 * as text, never as Markdown or HTML; the build escapes raw HTML in Markdown anyway, so nothing a
 * source holds can reach a page as markup.
 */
final class HtmlToMarkdown {
  private static final Set<String> DROPPED =
      Set.of(
          "script",
          "style",
          "noscript",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "select",
          "textarea",
          "svg",
          "math",
          "template",
          "head",
          "title",
          "meta",
          "link",
          "base",
          "canvas",
          "audio",
          "video",
          "source",
          "track",
          "map",
          "area",
          "dialog");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "center",
          "dl",
          "dt",
          "dd",
          "address",
          "figure",
          "figcaption",
          "body",
          "html",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "caption",
          "details",
          "summary",
          "hgroup",
          "nav",
          "fieldset",
          "legend");
  private static final Pattern LINE_START =
      Pattern.compile("(?m)^(\\s*)([#>+=-]|\\d{1,9}[.)])(?=\\s|$)");
  private static final int MAX_DEPTH = 40; // the build refuses Markdown nested 100 deep
  private static final char BREAK = '\u0000';

  private final List<String> blocks = new ArrayList<>();
  private final StringBuilder inline = new StringBuilder();
  private final int depth;

  private HtmlToMarkdown(int depth) {
    this.depth = depth;
  }

  /** An HTML fragment (a feed item's content) as Markdown; relative links against {@code base}. */
  static String fragment(String html, String base) {
    Element body = Jsoup.parseBodyFragment(html, base == null ? "" : base).body();
    return of(body);
  }

  /** The content of {@code root} as Markdown. */
  static String of(Element root) {
    return render(root, 0);
  }

  /** Paragraphs of plain text as Markdown paragraphs, escaped. */
  static String paragraphs(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      String text = escape(p.replaceAll("\\s+", " ").strip());
      if (!text.isEmpty()) {
        out.add(escapeLineStarts(text));
      }
    }
    return String.join("\n\n", out);
  }

  /** Plain text whose paragraphs are separated by blank lines (JSON Feed content_text). */
  static String plainText(String text) {
    return paragraphs(List.of(text.replace("\r\n", "\n").split("\n\\s*\n")));
  }

  private static String render(Element root, int depth) {
    HtmlToMarkdown r = new HtmlToMarkdown(depth);
    r.blockContent(root);
    r.flush();
    return String.join("\n\n", r.blocks);
  }

  private void blockContent(Element e) {
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        inline.append(escape(t.getWholeText()));
      } else if (child instanceof Element c) {
        element(c);
      }
    }
  }

  private void element(Element e) {
    String tag = e.normalName();
    if (DROPPED.contains(tag)) {
      return;
    }
    if (depth > MAX_DEPTH) {
      inline.append(' ').append(escape(e.text())).append(' ');
      return;
    }
    switch (tag) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        flush();
        String text = inline(e).replace(BREAK, ' ').replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
          blocks.add("#".repeat(Math.max(2, tag.charAt(1) - '0')) + " " + text);
        }
      }
      case "ul", "ol" -> {
        flush();
        String list = list(e, tag.equals("ol"));
        if (!list.isBlank()) {
          blocks.add(list);
        }
      }
      case "blockquote" -> {
        flush();
        String inner = render(e, depth + 1);
        if (!inner.isBlank()) {
          blocks.add(prefixLines(inner, "> ", ">"));
        }
      }
      case "pre" -> {
        flush();
        String code = e.wholeText().replaceAll("\\s+$", "");
        if (!code.isBlank()) {
          String fence = "```";
          while (code.contains(fence)) {
            fence += "`";
          }
          blocks.add(fence + "\n" + code + "\n" + fence);
        }
      }
      case "hr" -> {
        flush();
        blocks.add("* * *");
      }
      case "br" -> inline.append(BREAK);
      case "td", "th", "li" -> {
        blockContent(e);
        inline.append(' ');
      }
      default -> {
        if (BLOCKS.contains(tag)) {
          flush();
          blockContent(e);
          flush();
        } else {
          inline.append(inlineElement(e));
        }
      }
    }
  }

  private String list(Element list, boolean ordered) {
    List<String> items = new ArrayList<>();
    int n = 1;
    for (Element li : list.children()) {
      if (!li.normalName().equals("li")) {
        continue;
      }
      String inner = render(li, depth + 1);
      if (inner.isBlank()) {
        continue;
      }
      if (li.select("> p, > div, > blockquote, > pre").isEmpty()) {
        inner = inner.replace("\n\n", "\n"); // a tight item: its text and a nested list
      }
      String marker = ordered ? (n++) + ". " : "- ";
      String indent = " ".repeat(marker.length());
      String body = prefixLines(inner, indent, "");
      items.add(marker + body.substring(indent.length()));
    }
    return String.join("\n", items);
  }

  /** Inline Markdown of an element's content: block structure inside it becomes spaces. */
  private String inline(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(escape(t.getWholeText()));
      } else if (child instanceof Element c) {
        sb.append(inlineElement(c));
      }
    }
    return sb.toString();
  }

  private String inlineElement(Element e) {
    String tag = e.normalName();
    if (DROPPED.contains(tag)) {
      return "";
    }
    return switch (tag) {
      case "a" -> link(e);
      case "em", "i", "cite", "dfn", "var" -> wrap(inline(e), "*");
      case "strong", "b" -> wrap(inline(e), "**");
      case "del", "s", "strike" -> wrap(inline(e), "~~");
      case "code", "kbd", "samp", "tt" -> code(e.text());
      case "img" -> image(e);
      case "br" -> String.valueOf(BREAK);
      default -> BLOCKS.contains(tag) || tag.equals("li") ? " " + inline(e) + " " : inline(e);
    };
  }

  private String link(Element a) {
    String text = inline(a).replace(BREAK, ' ');
    if (text.isBlank()) {
      return "";
    }
    String href = safeUrl(a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"));
    if (href.isEmpty() || href.startsWith("#")) {
      return text;
    }
    String lead = text.startsWith(" ") ? " " : "";
    String tail = text.endsWith(" ") ? " " : "";
    String label = text.strip();
    if (label.length() > LONGEST_LINK_TEXT) {
      // the text as text, and a short link after it
      return lead + label + " ([" + escape(hostOf(href)) + "](" + destination(href) + "))" + tail;
    }
    return lead + "[" + label + "](" + destination(href) + ")" + tail;
  }

  /**
   * The longest link text written as a link. flexmark reads a link's text with a pattern of at most
   * 999 characters; past that the pattern fails, and over many backslash escapes it tries every way
   * to read them first, so the build refused the article as too costly (a scraped anchor around a
   * whole teaser, found by fuzzing the importer).
   */
  static final int LONGEST_LINK_TEXT = 900;

  /** The address's host ({@code quaytimes.example}), else "link". */
  private static String hostOf(String href) {
    try {
      String host = java.net.URI.create(href).getHost();
      return host == null || host.isEmpty() ? "link" : host;
    } catch (IllegalArgumentException e) {
      return "link";
    }
  }

  private static String image(Element img) {
    String src = safeUrl(img.absUrl("src").isEmpty() ? img.attr("src") : img.absUrl("src"));
    if (src.isEmpty() || src.startsWith("#")) {
      return "";
    }
    return "![" + escape(img.attr("alt")).strip() + "](" + destination(src) + ")";
  }

  private static String wrap(String text, String mark) {
    String t = text.replace(BREAK, ' ');
    if (t.isBlank()) {
      return t;
    }
    String lead = Character.isWhitespace(t.charAt(0)) ? " " : "";
    String tail = Character.isWhitespace(t.charAt(t.length() - 1)) ? " " : "";
    return lead + mark + t.strip() + mark + tail;
  }

  private static String code(String text) {
    String t = text.replaceAll("\\s+", " ");
    if (t.isBlank()) {
      return t;
    }
    String fence = "`";
    while (t.contains(fence)) {
      fence += "`";
    }
    String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
    return fence + pad + t + pad + fence;
  }

  /** A link destination: between angle brackets when it holds spaces or parentheses. */
  private static String destination(String url) {
    String u = url.replace("<", "%3C").replace(">", "%3E").replace("\n", "").replace("\r", "");
    return u.matches(".*[\\s()].*") ? "<" + u + ">" : u;
  }

  /** The address when it is http(s), mailto, tel, relative or a fragment; else empty. */
  static String safeUrl(String url) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty()) {
      return "";
    }
    int colon = u.indexOf(':');
    int slash = u.indexOf('/');
    if (colon < 0
        || (slash >= 0 && slash < colon)
        || u.indexOf('?') >= 0 && u.indexOf('?') < colon) {
      return u; // relative
    }
    String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
    return Set.of("http", "https", "mailto", "tel").contains(scheme) ? u : "";
  }

  private void flush() {
    String text = inline.toString().replaceAll("[ \\t\\n\\r\\f]+", " ");
    inline.setLength(0);
    text = text.replaceAll(" ?" + BREAK + " ?", String.valueOf(BREAK));
    // two breaks or more in a row (<br><br>, as old pages separate paragraphs) end a paragraph
    for (String para : text.split(BREAK + "{2,}")) {
      String p = para.replaceAll("^" + BREAK + "+|" + BREAK + "+$", "").strip();
      if (!p.isEmpty()) {
        blocks.add(escapeLineStarts(p.replace(String.valueOf(BREAK), "\\\n")));
      }
    }
  }

  /**
   * Characters that Markdown (with GFM tables, strikethrough and autolinks) would read as syntax.
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\`*_[]<>|~&!".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c == BREAK ? ' ' : c);
    }
    return sb.toString();
  }

  private static String escapeLineStarts(String text) {
    return LINE_START.matcher(text).replaceAll(m -> m.group(1) + escapeMarker(m.group(2)));
  }

  private static String escapeMarker(String marker) {
    char last = marker.charAt(marker.length() - 1);
    if (Character.isDigit(marker.charAt(0))) {
      return java.util.regex.Matcher.quoteReplacement(
          marker.substring(0, marker.length() - 1) + "\\" + last);
    }
    return java.util.regex.Matcher.quoteReplacement("\\" + marker);
  }

  private static String prefixLines(String text, String prefix, String blankPrefix) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(line.isEmpty() ? blankPrefix : prefix + line);
    }
    return sb.toString();
  }
}
