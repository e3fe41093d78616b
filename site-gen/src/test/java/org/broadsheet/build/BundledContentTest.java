package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchRequest;
import org.broadsheet.search.SearchResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the repository's own {@code content/} (online and offline) and checks the whole site. */
class BundledContentTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final Pattern JSON_LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  @TempDir static Path tmp;
  static BuildResult online;
  static BuildResult offline;

  /**
   * Builds the bundled archive with a fixed clock, so the future-dated sample stays in the future.
   */
  static BuildOptions options() {
    return BuildOptions.of(REPO)
        .withClock(
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-11-27T00:00:00Z"), java.time.ZoneOffset.UTC));
  }

  @BeforeAll
  static void build() throws IOException {
    online = new SiteBuilder(Progress.quiet()).build(options().withOut(tmp.resolve("online")));
    offline =
        new SiteBuilder(Progress.quiet())
            .build(options().withOut(tmp.resolve("offline")).withOffline(true));
  }

  @Test
  void buildsCleanlyWithEveryArticle() {
    assertEquals(0, online.exitCode(true), online.diagnostics().toString());
    assertTrue(online.articles() >= 16, "articles: " + online.articles());
    assertEquals(2, online.skipped(), "one draft and one future article are left out");
  }

  @Test
  void everyInternalLinkResolvesToAFile() throws IOException {
    assertEquals(List.of(), brokenLinks(tmp.resolve("online"), false));
  }

  @Test
  void offlineLinksAllNameFilesSoTheSiteNavigatesFromDisk() throws IOException {
    assertEquals(List.of(), brokenLinks(tmp.resolve("offline"), true));
  }

  @Test
  void feedsAndSitemapsAreWellFormedXml() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // news-sitemap.xml is written only when there is news of the last two days
    for (String f : List.of("feed.xml", "rss.xml", "sitemap.xml")) {
      var doc = factory.newDocumentBuilder().parse(tmp.resolve("online").resolve(f).toFile());
      assertTrue(doc.getDocumentElement() != null, f);
    }
    var atom = factory.newDocumentBuilder().parse(tmp.resolve("online/feed.xml").toFile());
    assertTrue(
        atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength() >= 16);
    Map<String, Object> feed = JSON.std.mapFrom(Files.readString(tmp.resolve("online/feed.json")));
    assertEquals("https://jsonfeed.org/version/1.1", feed.get("version"));
  }

  @Test
  void everyArticleCarriesParseableNewsArticleJsonLd() throws IOException {
    try (Stream<Path> pages = Files.walk(tmp.resolve("online/articles"))) {
      for (Path page :
          pages.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
        Matcher m = JSON_LD.matcher(Files.readString(page));
        assertTrue(m.find(), page.toString());
        Map<String, Object> ld = JSON.std.mapFrom(m.group(1));
        assertEquals("NewsArticle", ld.get("@type"), page.toString());
        assertTrue(
            ld.get("identifier") instanceof String && ld.get("headline") instanceof String,
            page.toString());
      }
    }
  }

  @Test
  void theSeedArticleIsTheTopHitForItsTopic() throws IOException {
    try (var dir = FSDirectory.open(tmp.resolve("online/search/lucene"));
        var reader = DirectoryReader.open(dir)) {
      var results = new ArchiveSearch(reader, "en").search(SearchRequest.of("JCPOA Vienna talks"));
      assertEquals("6c84957aa5ccaf51", results.hits().get(0).id());
      assertEquals("articles/6c84957aa5ccaf51/", results.hits().get(0).url());
    }
  }

  @Test
  void datelineSourceAndAuthorsAreSearchableWithAccentsFolded() throws IOException {
    try (var dir = FSDirectory.open(tmp.resolve("online/search/lucene"));
        var reader = DirectoryReader.open(dir)) {
      var search = new ArchiveSearch(reader, IndexInfo.read(reader));
      assertEquals(
          "6c84957aa5ccaf51",
          top(search, "Mehr News"),
          "the source, which the story's text never names");
      for (String q : List.of("Kraków", "krakow", "KRAKOW", "Wójcik", "wojcik")) {
        assertEquals(
            "articles/krakow-orchestra-restored-hall/",
            topUrl(search, q),
            q + ": the dateline and the author");
      }
      SearchResults exact = search.search(SearchRequest.of("Dvořák"));
      SearchResults folded = search.search(SearchRequest.of("dvorak"));
      assertEquals("articles/krakow-orchestra-restored-hall/", exact.hits().get(0).url());
      assertEquals(exact.hits().get(0).url(), folded.hits().get(0).url());
      assertTrue(
          exact.hits().get(0).score() >= folded.hits().get(0).score(),
          "the exact spelling ranks at least as high");
      for (String q :
          List.of("zurich", "Zürich", "lodz", "Łódź", "malmo", "reykjavik", "sao paulo")) {
        assertTrue(
            search.search(SearchRequest.of(q)).total() > 0, q + " finds its dateline's story");
      }
    }
  }

  @Test
  void theGermanAndPersianSamplesAreSearchedWithTheirOwnLanguagesAnalysis() throws IOException {
    try (var dir = FSDirectory.open(tmp.resolve("online/search/lucene"));
        var reader = DirectoryReader.open(dir)) {
      IndexInfo info = IndexInfo.read(reader);
      var codes = info.languages().stream().map(l -> l.code()).toList();
      assertTrue(codes.containsAll(List.of("en", "de", "fa")), codes.toString());
      var search = new ArchiveSearch(reader, info);
      String german = "articles/hamburg-landstrom-terminal/";
      for (String q : List.of("Landstrom", "Schiff", "Dieselgenerator", "Kreuzfahrtschiffe")) {
        assertEquals(
            german, topUrl(search, q), q + ": German stemming (Schiffe, Dieselgeneratoren)");
      }
      String persian = "articles/national-library-manuscripts-fa/";
      // the Arabic-keyboard spelling (ك, ي) finds the Persian one (ک, ی); the author and dateline
      // too
      for (String q : List.of("کتابخانه", "كتابخانه", "نسخه", "خطي", "مریم احمدی", "تهران")) {
        assertEquals(persian, topUrl(search, q), q + ": Persian normalisation");
      }
    }
  }

  /**
   * Issue 13's sample content: stories with pictures (a figure with caption and credit, og:image),
   * and a German and a Persian story shown in their direction, with their strings and dates.
   */
  @Test
  void theSamplesShowPicturesAndTheGermanAndPersianStoriesInTheirOwnLanguage() throws IOException {
    Path articles = tmp.resolve("online/articles");
    int pictured = 0;
    try (Stream<Path> pages = Files.list(articles)) {
      for (Path folder : pages.toList()) {
        String html = Files.readString(folder.resolve("index.html"));
        if (html.contains("<figure class=\"article-figure\">")) {
          assertTrue(
              html.contains("<meta property=\"og:image\" content=\"https://"), folder.toString());
          assertTrue(html.contains("<span class=\"credit\">"), folder + ": the picture's credit");
          pictured++;
        }
      }
    }
    assertTrue(pictured >= 3, "sample stories with a picture: " + pictured);
    String german = Files.readString(articles.resolve("hamburg-landstrom-terminal/index.html"));
    assertTrue(german.contains("lang=\"de\" dir=\"ltr\""), "German, left to right");
    assertTrue(german.contains(">12. Juni 2024</time>"), "a German date");
    assertTrue(german.contains("1 Min. Lesezeit"), "German strings");
    String persian =
        Files.readString(articles.resolve("national-library-manuscripts-fa/index.html"));
    assertTrue(persian.contains("lang=\"fa\" dir=\"rtl\""), "Persian, right to left");
    assertTrue(persian.contains(">۱۸ فوریهٔ ۲۰۲۵</time>"), "a Persian date, in Persian digits");
    assertTrue(persian.contains("۱ دقیقه مطالعه"), "Persian strings");
  }

  private static String top(ArchiveSearch search, String query) throws IOException {
    return search.search(SearchRequest.of(query)).hits().get(0).id();
  }

  private static String topUrl(ArchiveSearch search, String query) throws IOException {
    return search.search(SearchRequest.of(query)).hits().get(0).url();
  }

  private static final String BASE_PATH = "/broadsheet/";

  static List<String> brokenLinks(Path site, boolean offlineOnly) throws IOException {
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = LINK.matcher(Files.readString(page));
        while (m.find()) {
          String href = m.group(1).replace("&amp;", "&");
          if (href.isEmpty() || href.startsWith("#") || href.matches("^[a-z]+:.*")) {
            continue;
          }
          String path = href.replaceAll("[?#].*$", "");
          if (offlineOnly && (path.endsWith("/") || path.isEmpty())) {
            broken.add(
                site.relativize(page) + " -> " + href + " (folder link in an offline build)");
            continue;
          }
          // the 404 page alone links from the site's base path (site.yaml: /broadsheet/), as
          // hosts serve it at any depth
          boolean fromBase =
              path.startsWith("/") && site.relativize(page).toString().equals("404.html");
          if (fromBase && !path.startsWith(BASE_PATH)) {
            broken.add(site.relativize(page) + " -> " + href + " (outside the base path)");
            continue;
          }
          String file = path.endsWith("/") || path.isEmpty() ? path + "index.html" : path;
          Path target =
              (fromBase
                      ? site.resolve(file.substring(BASE_PATH.length()))
                      : page.getParent().resolve(file))
                  .normalize();
          if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            broken.add(site.relativize(page) + " -> " + href);
          }
        }
      }
    }
    return broken;
  }
}
