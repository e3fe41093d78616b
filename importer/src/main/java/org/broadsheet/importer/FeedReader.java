package org.broadsheet.importer;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.broadsheet.diag.Diagnostics;
import org.jdom2.Element;
import org.xml.sax.InputSource;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, read by ROME with DOCTYPEs refused (no external entities).
 * Each item's guid (Atom: id) is its id, else its link. A feed cut short (a truncated download) is
 * reported at the place it breaks, and the items complete before that place are still imported.
 */
final class FeedReader implements StoryReader {
  private static final Pattern ROOT = Pattern.compile("<((?:[\\w.-]+:)?(rss|feed|RDF))[\\s>]");
  private static final Pattern EMAIL_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    byte[] bytes = Files.readAllBytes(file);
    Origin origin = Origin.of(path);
    SyndFeed feed;
    try {
      feed = parse(bytes);
    } catch (ParsingFeedException e) {
      Origin at = origin.at(e.getLineNumber(), e.getColumnNumber());
      Optional<byte[]> salvaged = salvage(bytes, e.getLineNumber());
      diagnostics.add(
          at.error(
              "broken feed: "
                  + message(e)
                  + (salvaged.isPresent()
                      ? "; the items complete before this point are imported"
                      : "; nothing imported from this file")));
      if (salvaged.isEmpty()) {
        return;
      }
      try {
        feed = parse(salvaged.get());
      } catch (FeedException | IllegalArgumentException again) {
        return;
      }
    } catch (FeedException | IllegalArgumentException e) {
      diagnostics.add(origin.error("not a feed ROME can read: " + message(e)));
      return;
    }
    List<int[]> positions = itemPositions(bytes);
    Unmapped unmapped = new Unmapped();
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      int[] pos = i < positions.size() ? positions.get(i) : new int[] {0, 0};
      Origin at = origin.at(pos[0], pos[1]);
      try {
        map(feed, entries.get(i), at, unmapped, diagnostics).ifPresent(out);
      } catch (RuntimeException e) {
        diagnostics.add(at.error("cannot read this item: " + e));
      }
    }
    unmapped.report(diagnostics);
  }

  private static SyndFeed parse(byte[] bytes) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false); // no DTD, so no external entities or entity expansion
    return input.build(new InputSource(new ByteArrayInputStream(bytes)));
  }

  private Optional<Story> map(
      SyndFeed feed, SyndEntry e, Origin at, Unmapped unmapped, Diagnostics diagnostics) {
    Story.Builder b =
        new Story.Builder(at, feed.getFeedType() == null ? "feed" : feed.getFeedType());
    String id = firstText(e.getUri(), e.getLink());
    if (id.isEmpty()) {
      diagnostics.add(at.error("item has neither a guid/id nor a link to key it by; left out"));
      return Optional.empty();
    }
    b.id = id;
    b.title =
        e.getTitleEx() != null && isHtml(e.getTitleEx().getType())
            ? org.jsoup.Jsoup.parse(nz(e.getTitle())).text()
            : nz(e.getTitle());
    if (e.getPublishedDate() != null) {
      b.date = Optional.of(ImportDates.of(e.getPublishedDate()));
    } else if (e.getUpdatedDate() != null) {
      b.date = Optional.of(ImportDates.of(e.getUpdatedDate()));
    } else {
      diagnostics.add(at.warning("item has no date; it will be listed as undated"));
    }
    if (e.getUpdatedDate() != null && e.getPublishedDate() != null) {
      b.updated = Optional.of(ImportDates.of(e.getUpdatedDate()));
    }
    for (SyndPerson p : e.getAuthors()) {
      b.authors.add(personName(p.getName()));
    }
    if (b.authors.isEmpty() && e.getAuthor() != null) {
      b.authors.add(personName(e.getAuthor()));
    }
    List<Map<String, Object>> categories = new ArrayList<>();
    for (SyndCategory c : e.getCategories()) {
      b.tags.add(nz(c.getName()));
      if (c.getTaxonomyUri() != null) {
        categories.add(Map.of("name", nz(c.getName()), "domain", c.getTaxonomyUri()));
      }
    }
    String base = firstText(e.getLink(), feed.getLink());
    String body = "";
    for (SyndContent c : e.getContents()) {
      body = content(c, base);
      if (!body.isBlank()) {
        break;
      }
    }
    if (e.getDescription() != null) {
      String description = content(e.getDescription(), base);
      if (body.isBlank()) {
        body = description;
      } else {
        b.summary = textOf(e.getDescription());
      }
    }
    b.markdown = body;
    if (body.isBlank()) {
      diagnostics.add(at.warning("item has no content or description; its article is empty"));
    }
    b.source = nz(feed.getTitle());
    b.license = Licences.of(feed.getCopyright());
    b.lang = nz(feed.getLanguage());
    b.keep("link", e.getLink());
    if (e.getLinks().size() > 1) {
      List<Map<String, Object>> links = new ArrayList<>();
      for (SyndLink l : e.getLinks()) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", l.getHref());
        if (l.getRel() != null) {
          link.put("rel", l.getRel());
        }
        if (l.getType() != null) {
          link.put("type", l.getType());
        }
        links.add(link);
      }
      b.keep("links", links);
    }
    b.keep("comments", e.getComments());
    if (!categories.isEmpty()) {
      b.keep("categories", categories);
    }
    List<Map<String, Object>> enclosures = new ArrayList<>();
    for (SyndEnclosure enc : e.getEnclosures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("url", enc.getUrl());
      m.put("type", nz(enc.getType()));
      m.put("length", enc.getLength());
      enclosures.add(m);
      unmapped.add("enclosure", at);
    }
    if (!enclosures.isEmpty()) {
      b.keep("enclosures", enclosures);
    }
    if (e.getSource() != null) {
      b.keep("sourceFeed", firstText(e.getSource().getTitle(), e.getSource().getLink()));
    }
    b.keep("feedTitle", feed.getTitle());
    b.keep("feedLink", feed.getLink());
    b.keep("copyright", feed.getCopyright());
    Map<String, Object> foreign = new LinkedHashMap<>();
    for (Element el : e.getForeignMarkup()) {
      String name = el.getQualifiedName();
      Object value = el.getTextNormalize();
      if (el.getTextNormalize().isEmpty() && el.hasAttributes()) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        el.getAttributes().forEach(x -> attributes.put(x.getQualifiedName(), x.getValue()));
        value = attributes;
      }
      foreign.merge(name, value, (x, y) -> x + "; " + y);
      unmapped.add("<" + name + ">", at);
    }
    if (!foreign.isEmpty()) {
      b.keep("elements", foreign);
    }
    return Optional.of(b.build());
  }

  private static String content(SyndContent c, String base) {
    String value = nz(c.getValue());
    String type = nz(c.getType());
    if (type.isEmpty() || isHtml(type) || type.contains("html")) {
      return HtmlToMarkdown.fragment(value, base);
    }
    return HtmlToMarkdown.plainText(value);
  }

  private static String textOf(SyndContent c) {
    String value = nz(c.getValue());
    return isHtml(nz(c.getType())) || nz(c.getType()).isEmpty()
        ? org.jsoup.Jsoup.parse(value).text()
        : value.strip();
  }

  private static boolean isHtml(String type) {
    return type != null
        && (type.equals("html") || type.equals("xhtml") || type.equals("text/html"));
  }

  /** "jane@example.com (Jane Doe)", as RSS writes authors, gives "Jane Doe". */
  static String personName(String author) {
    String a = nz(author).strip();
    Matcher m = EMAIL_NAME.matcher(a);
    return m.matches() ? m.group(1).strip() : a;
  }

  /**
   * The start of each item or entry, in document order, for positions in reports: a secure StAX
   * scan that stops where the document breaks.
   */
  private static List<int[]> itemPositions(byte[] bytes) {
    List<int[]> out = new ArrayList<>();
    try {
      XMLStreamReader r = SafeXml.open(new ByteArrayInputStream(bytes));
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT
            && (r.getLocalName().equals("item") || r.getLocalName().equals("entry"))) {
          out.add(new int[] {r.getLocation().getLineNumber(), r.getLocation().getColumnNumber()});
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // the positions found so far
    }
    return out;
  }

  /**
   * The feed up to the last item or entry that closes before line {@code brokenLine}, closed again:
   * what a truncated download still holds.
   */
  static Optional<byte[]> salvage(byte[] bytes, int brokenLine) {
    String text =
        new String(bytes, StandardCharsets.ISO_8859_1); // one char a byte: any encoding survives
    int limit = text.length();
    if (brokenLine > 0) {
      int line = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n' && ++line > brokenLine) {
          limit = i;
          break;
        }
      }
    }
    String before = text.substring(0, limit);
    int end = Math.max(before.lastIndexOf("</item>"), before.lastIndexOf("</entry>"));
    Matcher root = ROOT.matcher(text);
    if (end < 0 || !root.find()) {
      return Optional.empty();
    }
    String close = before.startsWith("</item>", end) ? "</item>" : "</entry>";
    String closing =
        switch (root.group(2)) {
          case "rss" -> "</channel></" + root.group(1) + ">";
          default -> "</" + root.group(1) + ">";
        };
    return Optional.of(
        (before.substring(0, end + close.length()) + "\n" + closing + "\n")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
      m += ": " + cause.getMessage();
    }
    return m.replaceAll("\\s+", " ").strip();
  }

  private static String firstText(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
