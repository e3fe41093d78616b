package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Feeds carry whole articles; sitemaps date every page; robots.txt names the sitemaps written. */
class FeedsAndSitemapsTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

  @Test
  void feedsCarryTheWholeArticleAndAtomNamesAnAuthorForEveryEntry(@TempDir Path dir)
      throws Exception {
    Path out = build(dir, SiteBuilderTest.NOW);

    Document atom = xml(out.resolve("feed.xml"));
    Element feed = atom.getDocumentElement();
    assertEquals(
        "Test <Gazette>",
        text(child(child(feed, ATOM, "author"), ATOM, "name")),
        "RFC 4287 4.1.1: entries without an author take the feed's");
    NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
    assertEquals(4, entries.getLength());
    Element one = entryTitled(entries, "First & foremost");
    Element content = child(one, ATOM, "content");
    assertEquals("html", content.getAttribute("type"));
    assertEquals("https://news.example/articles/one/", content.getAttribute("xml:base"));
    assertTrue(text(content).contains("Body of <strong>one</strong>"), text(content));

    Document rss = xml(out.resolve("rss.xml"));
    NodeList encoded =
        rss.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded");
    assertEquals(4, encoded.getLength());
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < encoded.getLength(); i++) {
      bodies.add(text((Element) encoded.item(i)));
    }
    assertTrue(
        bodies.stream().anyMatch(b -> b.contains("Body of <strong>one</strong>")),
        bodies.toString());

    Map<String, Object> json = JSON.std.mapFrom(Files.readString(out.resolve("feed.json")));
    List<?> items = (List<?>) json.get("items");
    assertEquals(4, items.size());
    assertTrue(
        items.stream()
            .map(i -> String.valueOf(((Map<?, ?>) i).get("content_html")))
            .anyMatch(h -> h.contains("Body of <strong>one</strong>")),
        items.toString());
  }

  @Test
  void sitemapDatesArticlesAndListingsAndRobotsNamesOnlyWrittenSitemaps(@TempDir Path dir)
      throws Exception {
    Path out = build(dir, SiteBuilderTest.NOW);
    Document sitemap = xml(out.resolve("sitemap.xml"));
    NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP, "url");
    java.util.Map<String, String> lastmod = new java.util.LinkedHashMap<>();
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      NodeList mod = url.getElementsByTagNameNS(SITEMAP, "lastmod");
      lastmod.put(
          text(child(url, SITEMAP, "loc")),
          mod.getLength() == 0 ? "" : text((Element) mod.item(0)));
    }
    assertEquals("2020-01-02T10:00:00Z", lastmod.get("https://news.example/articles/one/"));
    assertEquals("2022-03-04T00:00:00Z", lastmod.get("https://news.example/"));
    assertEquals(
        "2021-05-06T00:00:00Z",
        lastmod.get("https://news.example/tags/economy/"),
        "a listing changes with its newest article");
    assertTrue(lastmod.containsKey("https://news.example/sections/world/"), lastmod.toString());
    assertTrue(lastmod.containsKey("https://news.example/authors/ana-lima/"), lastmod.toString());

    assertFalse(
        Files.exists(out.resolve("news-sitemap.xml")),
        "no news of the last two days: an empty news sitemap would be invalid");
    assertEquals(
        List.of("Sitemap: https://news.example/sitemap.xml"),
        Files.readAllLines(out.resolve("robots.txt")).stream()
            .filter(l -> l.startsWith("Sitemap:"))
            .toList());
  }

  @Test
  void recentNewsGetsANewsSitemapThatRobotsNames(@TempDir Path dir) throws Exception {
    Path out = build(dir, Clock.fixed(Instant.parse("2022-03-05T00:00:00Z"), ZoneOffset.UTC));
    Document news = xml(out.resolve("news-sitemap.xml"));
    assertEquals(
        1,
        news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "news")
            .getLength());
    assertTrue(
        Files.readString(out.resolve("robots.txt"))
            .contains("Sitemap: https://news.example/news-sitemap.xml\n"));
  }

  /**
   * The bundled site's feeds hold what their specs require: RFC 4287 (Atom) 4.1.1 and 4.1.2, RSS
   * 2.0's channel and item elements, JSON Feed 1.1's top-level and item fields.
   */
  @Test
  void everyFeedOfTheBundledSiteHoldsWhatItsSpecRequires(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("site");
    BuildResult built =
        new SiteBuilder(Progress.quiet()).build(BundledContentTest.options().withOut(out));
    assertEquals(0, built.exitCode(false), built.diagnostics().toString());

    Element feed = xml(out.resolve("feed.xml")).getDocumentElement();
    assertEquals(ATOM, feed.getNamespaceURI());
    assertEquals("feed", feed.getLocalName());
    assertAbsoluteIri(text(exactlyOne(feed, ATOM, "id")));
    assertFalse(text(exactlyOne(feed, ATOM, "title")).isEmpty());
    assertDateTime(text(exactlyOne(feed, ATOM, "updated")));
    assertTrue(hasLink(feed, "self"), "a self link");
    boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
    List<Element> entries = children(feed, ATOM, "entry");
    assertFalse(entries.isEmpty());
    Set<String> ids = new HashSet<>();
    for (Element entry : entries) {
      String id = text(exactlyOne(entry, ATOM, "id"));
      assertAbsoluteIri(id);
      assertTrue(ids.add(id), "entry ids are unique: " + id);
      assertFalse(text(exactlyOne(entry, ATOM, "title")).isEmpty(), id);
      assertDateTime(text(exactlyOne(entry, ATOM, "updated")));
      assertTrue(feedAuthor || !children(entry, ATOM, "author").isEmpty(), id + " has an author");
      for (Element author : children(entry, ATOM, "author")) {
        assertFalse(text(exactlyOne(author, ATOM, "name")).isEmpty(), id);
      }
      assertTrue(
          !children(entry, ATOM, "content").isEmpty() || hasLink(entry, "alternate"),
          id + ": atom:content or a link rel=alternate (4.1.1.3)");
      assertTrue(children(entry, ATOM, "content").size() <= 1, id);
      assertTrue(children(entry, ATOM, "summary").size() <= 1, id);
    }

    Element rss = xml(out.resolve("rss.xml")).getDocumentElement();
    assertEquals("rss", rss.getTagName());
    assertEquals("2.0", rss.getAttribute("version"));
    Element channel = exactlyOne(rss, "", "channel");
    for (String required : List.of("title", "link", "description")) {
      assertFalse(text(exactlyOne(channel, "", required)).isEmpty(), "channel " + required);
    }
    assertAbsoluteIri(text(exactlyOne(channel, "", "link")));
    List<Element> items = children(channel, "", "item");
    assertEquals(entries.size(), items.size());
    for (Element item : items) {
      assertTrue(
          !children(item, "", "title").isEmpty() || !children(item, "", "description").isEmpty(),
          "an item has a title or a description");
      for (Element date : children(item, "", "pubDate")) {
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(text(date)); // RFC 822
      }
      for (Element link : children(item, "", "link")) {
        assertAbsoluteIri(text(link));
      }
    }

    Map<String, Object> json = JSON.std.mapFrom(Files.readString(out.resolve("feed.json")));
    assertEquals("https://jsonfeed.org/version/1.1", json.get("version"));
    assertTrue(json.get("title") instanceof String t && !t.isEmpty(), "title");
    assertAbsoluteIri((String) json.get("home_page_url"));
    assertAbsoluteIri((String) json.get("feed_url"));
    List<?> jsonItems = (List<?>) json.get("items");
    assertEquals(entries.size(), jsonItems.size());
    for (Object o : jsonItems) {
      Map<?, ?> item = (Map<?, ?>) o;
      assertTrue(item.get("id") instanceof String id && !id.isEmpty(), "item id: " + item);
      assertTrue(
          item.get("content_html") instanceof String || item.get("content_text") instanceof String,
          "content_html or content_text: " + item.get("id"));
      if (item.get("date_published") != null) {
        assertDateTime((String) item.get("date_published"));
      }
      if (item.get("authors") != null) {
        for (Object author : (List<?>) item.get("authors")) {
          assertTrue(author instanceof Map<?, ?> m && m.get("name") instanceof String, "author");
        }
      }
    }
  }

  private static void assertAbsoluteIri(String iri) {
    assertTrue(java.net.URI.create(iri).isAbsolute(), "an absolute IRI: " + iri);
  }

  /** RFC 3339, as Atom 3.3 and JSON Feed want it. */
  private static void assertDateTime(String value) {
    java.time.OffsetDateTime.parse(value);
  }

  private static boolean hasLink(Element parent, String rel) {
    return children(parent, ATOM, "link").stream()
        .anyMatch(
            l ->
                rel.equals(l.getAttribute("rel").isEmpty() ? "alternate" : l.getAttribute("rel"))
                    && !l.getAttribute("href").isEmpty());
  }

  private static Element exactlyOne(Element parent, String ns, String name) {
    List<Element> found = children(parent, ns, name);
    assertEquals(1, found.size(), "one " + name + " in " + parent.getLocalName());
    return found.get(0);
  }

  /** Child elements by name; {@code ns} "" for none (RSS). */
  private static List<Element> children(Element parent, String ns, String name) {
    List<Element> found = new ArrayList<>();
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element e
          && (ns.isEmpty() ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))
          && name.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static Path build(Path dir, Clock clock) throws Exception {
    Path site = SiteFixture.write(dir, SiteBuilderTest.SITE);
    BuildResult result =
        new SiteBuilder(Progress.quiet()).build(BuildOptions.of(site).withClock(clock));
    assertEquals(0, result.exitCode(false), result.diagnostics().toString());
    return site.resolve("public");
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readString(file).getBytes(StandardCharsets.UTF_8)));
  }

  private static Element child(Element parent, String ns, String name) {
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        return e;
      }
    }
    throw new AssertionError("no " + name + " in " + parent.getLocalName());
  }

  private static Element entryTitled(NodeList entries, String title) {
    for (int i = 0; i < entries.getLength(); i++) {
      Element e = (Element) entries.item(i);
      if (title.equals(text(child(e, ATOM, "title")))) {
        return e;
      }
    }
    throw new AssertionError("no entry titled " + title);
  }

  private static String text(Element e) {
    return e.getTextContent().strip();
  }
}
