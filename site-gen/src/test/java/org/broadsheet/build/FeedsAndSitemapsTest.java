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
import java.util.List;
import java.util.Map;
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
