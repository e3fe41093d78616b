package org.broadsheet.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.broadsheet.diag.Diagnostics;

/**
 * WordPress eXtended RSS (WXR 1.1, 1.2), the file Tools > Export writes. Streams the channel item
 * by item, so a file cut short still gives every post before the break. Posts are imported (pages,
 * attachments and menu items are counted and left out); the first category is the section, tags are
 * tags, the author's login becomes their display name, drafts, pending and private posts stay
 * drafts, trashed posts are left out. The guid is the id.
 */
final class WxrReader implements StoryReader {
  private static final Set<String> DRAFT = Set.of("draft", "pending", "private", "auto-draft");

  @Override
  public String name() {
    return "wxr";
  }

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    Origin origin = Origin.of(path);
    Map<String, String> authors = new HashMap<>();
    Map<String, String> site = new LinkedHashMap<>();
    Map<String, Integer> leftOut = new TreeMap<>();
    Unmapped unmapped = new Unmapped();
    int posts = 0;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = SafeXml.open(in);
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          diagnostics.add(
              at(origin, r).error("documents with a DTD (<!DOCTYPE ...>) are refused; not read"));
          return;
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        depth++;
        String name = r.getLocalName();
        if (depth == 3 && name.equals("item")) {
          XmlNode item = SafeXml.element(r);
          depth--;
          String type = item.childText("post_type").orElse("post");
          String status = item.childText("status").orElse("publish");
          if (!type.equals("post") || status.equals("trash")) {
            leftOut.merge(status.equals("trash") ? "trashed posts" : type + "s", 1, Integer::sum);
            continue;
          }
          try {
            Optional<Story> story = map(item, origin, site, authors, unmapped, diagnostics);
            if (story.isPresent()) {
              posts++;
              out.accept(story.get());
            }
          } catch (RuntimeException e) {
            diagnostics.add(origin.at(item.line, item.column).error("cannot read this post: " + e));
          }
        } else if (depth == 3 && name.equals("author")) {
          XmlNode a = SafeXml.element(r);
          depth--;
          a.childText("author_login")
              .ifPresent(
                  login -> authors.put(login, a.childText("author_display_name").orElse(login)));
        } else if (depth == 3
            && Set.of("title", "link", "language", "base_blog_url").contains(name)) {
          XmlNode n = SafeXml.element(r);
          depth--;
          site.put(name, n.text());
        }
      }
    } catch (XMLStreamException e) {
      diagnostics.add(
          SafeXml.at(origin, e)
              .error(
                  "broken WordPress export: "
                      + SafeXml.message(e)
                      + (posts > 0
                          ? "; " + Importer.before(posts, "post")
                          : "; nothing imported from this file")));
    }
    unmapped.report(diagnostics);
    if (!leftOut.isEmpty()) {
      StringBuilder sb = new StringBuilder("only posts are imported; left out: ");
      leftOut.forEach((what, n) -> sb.append(n).append(' ').append(what).append(", "));
      diagnostics.add(origin.note(sb.substring(0, sb.length() - 2)));
    }
  }

  private Optional<Story> map(
      XmlNode item,
      Origin origin,
      Map<String, String> site,
      Map<String, String> authors,
      Unmapped unmapped,
      Diagnostics diagnostics) {
    Origin at = origin.at(item.line, item.column);
    Story.Builder b = new Story.Builder(at, name());
    Optional<String> guid = item.childText("guid");
    Optional<String> postId = item.childText("post_id");
    if (guid.isEmpty() && postId.isEmpty()) {
      diagnostics.add(at.error("post has neither a guid nor a wp:post_id to key it by; left out"));
      return Optional.empty();
    }
    b.id = guid.orElseGet(() -> site.getOrDefault("link", "") + "?p=" + postId.get());
    b.title = item.childText("title").orElse("");
    b.slug = item.childText("post_name").orElse("");
    Optional<String> gmt = item.childText("post_date_gmt").filter(d -> !d.startsWith("0000"));
    b.date =
        gmt.flatMap(d -> ImportDates.parse(d.replace(' ', 'T') + "Z"))
            .or(() -> item.childText("pubDate").flatMap(ImportDates::parse))
            .or(() -> item.childText("post_date").flatMap(ImportDates::parse));
    Optional<String> modified =
        item.childText("post_modified_gmt")
            .filter(d -> !d.startsWith("0000"))
            .flatMap(d -> ImportDates.parse(d.replace(' ', 'T') + "Z"));
    if (modified.isPresent() && !modified.equals(b.date)) {
      b.updated = modified;
    }
    String status = item.childText("status").orElse("publish");
    b.draft = DRAFT.contains(status);
    if (b.date.isEmpty() && !b.draft) {
      diagnostics.add(at.warning("post has no date; it will be listed as undated"));
    }
    item.childText("creator").ifPresent(login -> b.authors.add(authors.getOrDefault(login, login)));
    for (XmlNode c : item.children("category")) {
      String domain = c.attr("domain").orElse("category");
      String label = c.text();
      if (domain.equals("category")) {
        if (b.section.isEmpty()) {
          b.section = label;
        } else {
          b.tags.add(label);
        }
      } else if (domain.equals("post_tag")) {
        b.tags.add(label);
      } else {
        unmapped.add("category of domain '" + domain + "'", at);
        b.keep("terms", label);
      }
    }
    String link = item.childText("link").orElse(site.getOrDefault("link", ""));
    String content =
        item.children("encoded").stream()
            .filter(n -> !n.namespace.contains("excerpt"))
            .findFirst()
            .map(WxrReader::raw)
            .orElse("");
    String excerpt =
        item.children("encoded").stream()
            .filter(n -> n.namespace.contains("excerpt"))
            .findFirst()
            .map(WxrReader::raw)
            .orElse("");
    b.markdown = HtmlToMarkdown.fragment(autop(content), link);
    b.summary = org.jsoup.Jsoup.parse(excerpt).text();
    b.lang = site.getOrDefault("language", "");
    b.source = site.getOrDefault("title", "");
    b.keep("link", link);
    b.keep("postId", postId.orElse(null));
    b.keep("status", status);
    Map<String, Object> meta = new LinkedHashMap<>();
    for (XmlNode m : item.children("postmeta")) {
      meta.put(m.childText("meta_key").orElse(""), m.childText("meta_value").orElse(""));
    }
    if (!meta.isEmpty()) {
      b.keep("postmeta", meta);
    }
    List<XmlNode> comments = item.children("comment");
    comments.forEach(XmlNode::markUsed);
    // the same dates as read above, in other zones or forms
    List.of("pubDate", "post_date", "post_modified").forEach(item::child);
    if (!comments.isEmpty()) {
      unmapped.add("comments", at);
      b.keep("comments", comments.size());
    }
    Map<String, Object> rest = new LinkedHashMap<>();
    for (XmlNode n : item.unused()) {
      Object value = n.toValue();
      if (!"".equals(value)) {
        rest.put(n.name, value);
      }
      if (!n.text().isEmpty() && !n.text().equals("0")) {
        unmapped.add("<" + n.name + ">", origin.at(n.line, n.column));
      }
    }
    if (!rest.isEmpty()) {
      b.keep("wordpress", rest);
    }
    return Optional.of(b.build());
  }

  /** The text of an element as it was written: HTML in CDATA stays HTML. */
  private static String raw(XmlNode n) {
    n.markUsed();
    StringBuilder sb = new StringBuilder();
    n.content.forEach(o -> sb.append(o instanceof String s ? s : ""));
    return sb.toString();
  }

  /**
   * WordPress stores posts without paragraph tags (it adds them when it shows a post): blank lines
   * separate paragraphs and a single line break is a break. Content that has its own paragraphs is
   * left as it is.
   */
  static String autop(String content) {
    if (content.contains("<p") || content.contains("<P")) {
      return content;
    }
    StringBuilder sb = new StringBuilder();
    for (String para : content.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!para.isBlank()) {
        sb.append("<p>").append(para.strip().replace("\n", "<br>\n")).append("</p>\n");
      }
    }
    return sb.toString();
  }

  private static Origin at(Origin origin, XMLStreamReader r) {
    return origin.at(r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
  }
}
