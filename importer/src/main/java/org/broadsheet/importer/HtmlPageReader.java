package org.broadsheet.importer;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.broadsheet.diag.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A scraped article page. Each field comes from the best place the page has: its own schema.org
 * {@code NewsArticle} JSON-LD first, then OpenGraph and {@code article:} meta tags, then the markup
 * ({@code <article>}, {@code <h1>}, {@code <time>}, a byline). The text is the {@code <article>}
 * (or {@code itemprop=articleBody}) when the page has one, else the block {@link TextDensity}
 * finds. The id is the page's canonical URL, else its og:url, else the file's path.
 */
final class HtmlPageReader implements StoryReader {
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "liveblogposting",
          "report");

  @Override
  public String name() {
    return "html";
  }

  @Override
  public void read(Input input, Consumer<Story> out, Diagnostics diagnostics) throws IOException {
    Path file = input.file();
    String path = input.path();
    Origin origin = Origin.of(path);
    byte[] bytes = Files.readAllBytes(file);
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, "", parser);
    Map<String, Object> ld = jsonLd(doc, origin, diagnostics);
    Meta meta = new Meta(doc);
    Story.Builder b = new Story.Builder(origin.at(1, 1), name());
    String canonical =
        first(
            doc.select("link[rel=canonical]").attr("href"),
            meta.get("og:url"),
            text(ld.get("url")),
            text(ld.get("@id")));
    b.id = first(HtmlToMarkdown.safeUrl(canonical), "file:" + input.key());
    if (canonical.startsWith("http://") || canonical.startsWith("https://")) {
      doc.setBaseUri(canonical);
    }
    if (canonical.isEmpty()) {
      diagnostics.add(
          origin.note("no canonical URL or og:url; keyed by the file's path, keep it stable"));
    }
    Element root = articleRoot(doc);
    b.title =
        first(
            text(ld.get("headline")),
            meta.get("og:title"),
            root == null ? "" : root.select("h1").text(),
            doc.select("h1").text(),
            doc.title());
    b.date =
        firstDate(
            text(ld.get("datePublished")),
            meta.get("article:published_time"),
            meta.get("datePublished"),
            meta.get("date"),
            meta.get("pubdate"),
            meta.get("dc.date"),
            timeIn(root),
            timeIn(doc));
    b.updated = firstDate(text(ld.get("dateModified")), meta.get("article:modified_time"));

    b.authors.addAll(names(ld.get("author")));
    if (b.authors.isEmpty()) {
      meta.all("article:author").stream()
          .filter(a -> !a.startsWith("http"))
          .forEach(b.authors::add);
    }
    if (b.authors.isEmpty()) {
      Optional.ofNullable(meta.get("author")).filter(a -> !a.isEmpty()).ifPresent(b.authors::add);
    }
    if (b.authors.isEmpty()) {
      byline(root == null ? doc : root).ifPresent(b.authors::add);
    }
    b.section = first(text(ld.get("articleSection")), meta.get("article:section"));
    b.tags.addAll(meta.all("article:tag"));
    Object keywords = ld.get("keywords");
    if (keywords instanceof List<?> list) {
      list.forEach(k -> b.tags.add(text(k)));
    } else if (!text(keywords).isEmpty() && b.tags.isEmpty()) {
      for (String k : text(keywords).split(",")) {
        b.tags.add(k);
      }
    }
    b.summary =
        first(text(ld.get("description")), meta.get("og:description"), meta.get("description"));
    b.dateline = text(ld.get("dateline"));
    b.source = first(publisher(ld.get("publisher")), meta.get("og:site_name"));
    b.license =
        Licences.of(first(text(ld.get("license")), doc.select("link[rel=license]").attr("href")));
    b.lang = first(text(ld.get("inLanguage")), doc.select("html").attr("lang"));
    String how;
    Element body;
    boolean dated = false;
    if (root != null) {
      body = root;
      how = root.normalName().equals("article") ? "<article>" : "articleBody";
    } else {
      TextDensity.Scored densest = TextDensity.densest(doc);
      body = densest == null ? null : densest.block();
      how = "text density";
      if (densest != null && !densest.isArticle()) {
        diagnostics.add(
            origin.warning(
                "little prose on the page; its densest block is taken as the article's text"));
      }
    }
    if (body == null) {
      diagnostics.add(origin.error("no article text found on the page; not imported"));
      return;
    }
    boolean marked = root != null || !ld.isEmpty() || !meta.get("og:title").isEmpty();
    Element cleaned = body.clone();
    cleaned.children().stream().filter(c -> c.normalName().equals("time")).forEach(Element::remove);
    cleaned
        .select(
            "h1, nav, aside, footer, header, form, .share, .social, .related, .byline, [rel=author]")
        .remove();
    b.markdown = HtmlToMarkdown.of(cleaned);
    if (!marked) {
      // an old page that marks nothing: headline, byline and date from the text's first lines
      PageLead lead = PageLead.read(b.markdown, doc.title());
      b.markdown = lead.markdown();
      if (doc.select("h1").isEmpty()) {
        b.title = lead.title();
      }
      if (b.authors.isEmpty()) {
        lead.byline().ifPresent(b.authors::add);
      }
      if (b.date.isEmpty() && lead.date().isPresent()) {
        b.date = lead.date();
        dated = true;
      }
    }
    if (b.markdown.isBlank() && !text(ld.get("articleBody")).isEmpty()) {
      b.markdown = HtmlToMarkdown.plainText(text(ld.get("articleBody")));
      how = "JSON-LD articleBody";
    }
    if (b.title.isEmpty()) {
      diagnostics.add(origin.warning("no headline (JSON-LD, og:title, <h1> or <title>)"));
    }
    if (b.date.isEmpty() && !dated) {
      diagnostics.add(
          origin.warning("no date in JSON-LD, meta tags, a <time> element or the text; undated"));
    }
    b.keep("url", canonical);
    b.keep("text", how);
    b.keep("image", first(text(imageOf(ld.get("image"))), meta.get("og:image")));
    b.keep("type", text(ld.get("@type")));
    b.keep("identifier", text(ld.get("identifier")));
    Map<String, Object> kept = new LinkedHashMap<>();
    meta.all.forEach(
        (k, v) -> {
          if (!Meta.MAPPED.contains(k)) {
            kept.put(k, v.size() == 1 ? v.get(0) : v);
          }
        });
    if (!kept.isEmpty()) {
      b.keep("meta", kept);
    }
    out.accept(b.build());
  }

  /** The {@code <article>} or {@code itemprop=articleBody} element, when the page marks one. */
  private static Element articleRoot(Document doc) {
    Element marked = doc.selectFirst("[itemprop=articleBody]");
    if (marked != null && marked.text().length() > 80) {
      return marked;
    }
    Element best = null;
    for (Element a : doc.select("article")) {
      if (best == null || a.text().length() > best.text().length()) {
        best = a;
      }
    }
    return best != null && best.text().length() > 80 ? best : null;
  }

  /** The page's article object from JSON-LD ({@code @graph} and arrays searched). */
  private static Map<String, Object> jsonLd(Document doc, Origin origin, Diagnostics diagnostics) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Object parsed;
      try {
        parsed = JSON.std.anyFrom(script.data());
      } catch (IOException e) {
        var at = script.sourceRange().start();
        diagnostics.add(
            origin
                .at(at.lineNumber(), at.columnNumber())
                .warning("unreadable JSON-LD (" + e.getMessage().split("\n")[0] + "); not used"));
        continue;
      }
      Optional<Map<String, Object>> article = findArticle(parsed, 0);
      if (article.isPresent()) {
        return article.get();
      }
    }
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> findArticle(Object node, int depth) {
    if (depth > 6) {
      return Optional.empty();
    }
    if (node instanceof Map<?, ?> map) {
      Object type = map.get("@type");
      List<Object> types =
          type instanceof List<?> l ? (List<Object>) l : List.of(String.valueOf(type));
      for (Object t : types) {
        if (ARTICLE_TYPES.contains(String.valueOf(t).toLowerCase(Locale.ROOT))) {
          return Optional.of((Map<String, Object>) map);
        }
      }
      return findArticle(map.get("@graph"), depth + 1);
    }
    if (node instanceof List<?> list) {
      for (Object o : list) {
        Optional<Map<String, Object>> found = findArticle(o, depth + 1);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> names(Object author) {
    List<String> out = new ArrayList<>();
    if (author instanceof List<?> list) {
      list.forEach(a -> out.addAll(names(a)));
    } else if (author instanceof Map<?, ?> m) {
      out.add(text(m.get("name")));
    } else if (author != null) {
      out.add(text(author));
    }
    return out;
  }

  private static String publisher(Object p) {
    return p instanceof Map<?, ?> m ? text(m.get("name")) : text(p);
  }

  private static Object imageOf(Object image) {
    if (image instanceof List<?> l && !l.isEmpty()) {
      return imageOf(l.get(0));
    }
    return image instanceof Map<?, ?> m ? m.get("url") : image;
  }

  private static String timeIn(Element root) {
    if (root == null) {
      return "";
    }
    Element time = root.selectFirst("time[datetime]");
    return time == null ? "" : time.attr("datetime");
  }

  /** A byline in the markup: {@code rel=author}, {@code .byline}, {@code itemprop=author}. */
  private static Optional<String> byline(Element root) {
    for (String css :
        List.of(
            "[itemprop=author] [itemprop=name]",
            "[itemprop=author]",
            "[rel=author]",
            ".byline",
            ".author")) {
      Element e = root.selectFirst(css);
      if (e != null && !e.text().isBlank()) {
        String name = e.text().replaceFirst("(?i)^by\\s+", "").strip();
        if (name.length() <= 80) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstDate(String... candidates) {
    for (String c : candidates) {
      Optional<String> d = ImportDates.parse(c);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.replaceAll("\\s+", " ").strip();
      }
    }
    return "";
  }

  private static String text(Object o) {
    if (o == null || o instanceof Map || o instanceof List) {
      return "";
    }
    return String.valueOf(o).strip();
  }

  /** The page's meta tags by name or property, lower-cased. */
  private static final class Meta {
    static final Set<String> MAPPED =
        Set.of(
            "og:url",
            "og:title",
            "og:description",
            "description",
            "og:site_name",
            "article:published_time",
            "article:modified_time",
            "article:author",
            "article:section",
            "article:tag",
            "author",
            "date",
            "pubdate",
            "datepublished",
            "dc.date",
            "og:image");
    final Map<String, List<String>> all = new LinkedHashMap<>();

    Meta(Document doc) {
      for (Element m : doc.select("meta[content]")) {
        String key = first(m.attr("property"), m.attr("name"), m.attr("itemprop"));
        if (!key.isEmpty()) {
          all.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(m.attr("content"));
        }
      }
    }

    String get(String key) {
      List<String> v = all.get(key.toLowerCase(Locale.ROOT));
      return v == null ? "" : v.get(0);
    }

    List<String> all(String key) {
      return all.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
  }
}
