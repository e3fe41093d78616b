package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final String SITE =
      """
      -- site.yaml --
      title: "Test <Gazette>"
      baseUrl: https://news.example/
      pageSize: 2
      -- content/2020/one.md --
      ---
      title: "First & foremost"
      date: 2020-01-02T10:00:00Z
      authors: [Ana Lima]
      tags: [Interest Rates, economy]
      section: business
      ---
      Body of **one** with "quotes" </script>.
      -- content/2021/two.md --
      ---
      title: Second
      date: 2021-05-06
      tags: [economy]
      section: world
      dateline: PARIS
      ---
      Body two.
      -- content/2022/three.md --
      ---
      title: Third
      date: 2022-03-04
      section: world
      ---
      Body three.
      -- content/draft.md --
      ---
      title: Draft
      date: 2021-01-01
      draft: true
      ---
      Not yet.
      -- content/future.md --
      ---
      title: Future
      date: 2030-01-01
      ---
      Later.
      -- content/wire/2019-05-14-strike.txt --
      ROTTERDAM, May 14 - Dock workers walked out on Tuesday over pay.
      -- content/img/photo.png --
      not really a png
      -- static/favicon.ico --
      icon
      """;

  static BuildOptions options(Path site) {
    return BuildOptions.of(site).withClock(NOW);
  }

  @Test
  void buildsEveryPageKind(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult result = new SiteBuilder(Progress.quiet()).build(options(site));
    Path out = site.resolve("public");
    assertEquals(4, result.articles(), result.diagnostics().toString());
    assertEquals(2, result.skipped());
    assertEquals(0, result.exitCode(false));
    for (String path :
        new String[] {
          "index.html",
          "page/2/index.html",
          "articles/one/index.html",
          "articles/2019-05-14-strike/index.html",
          "tags/index.html",
          "tags/interest-rates/index.html",
          "sections/world/index.html",
          "authors/ana-lima/index.html",
          "archive/index.html",
          "archive/2021/index.html",
          "archive/2021/05/index.html",
          "search/index.html",
          "404.html",
          "feed.xml",
          "rss.xml",
          "feed.json",
          "sitemap.xml",
          "robots.txt",
          "img/photo.png",
          "favicon.ico",
          "search/lucene/segments_1"
        }) {
      assertTrue(Files.exists(out.resolve(path)), path);
    }
    assertFalse(Files.exists(out.resolve("articles/draft/index.html")));
    if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals(
          "rwxr-xr-x",
          java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
          "web servers running as other users can read the site");
    }
    assertFalse(Files.exists(out.resolve("articles/future/index.html")));
  }

  /** Files under {@code search/} but the runtime (site path, sorted). */
  private static List<String> searchFiles(Path out) throws IOException {
    try (var files = Files.walk(out.resolve("search"))) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> out.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("search/runtime/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void aWebBuildShipsTheIndexOnceWithNoScriptCopiesAndAnOfflineBuildAddsThem(@TempDir Path dir)
      throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site));
    List<String> web = searchFiles(site.resolve("public"));
    assertTrue(web.contains("search/manifest.json"), web.toString());
    assertTrue(
        web.stream()
            .allMatch(
                p ->
                    p.startsWith("search/lucene/")
                        || p.matches("search/[0-9a-f]{16}\\.(open|query)")
                        || p.equals("search/manifest.json")
                        || p.equals("search/index.html")),
        "only the index, its manifest, open and query bundles, and the search page: " + web);
    assertFalse(web.contains("search/lucene/write.lock"), web.toString());

    new SiteBuilder(Progress.quiet()).build(options(site).withOffline(true).withClean(true));
    List<String> offline = searchFiles(site.resolve("public"));
    assertTrue(offline.contains("search/offline/manifest.js"), offline.toString());
    assertTrue(
        offline.stream().filter(p -> p.startsWith("search/offline/")).count() >= 3,
        "the manifest, the open bundle and the index in chunks: " + offline);
  }

  @Test
  void theSummaryCountsEveryFileAndByteWrittenOnce(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    for (boolean offline : new boolean[] {false, true}) {
      BuildResult result =
          new SiteBuilder(Progress.quiet()).build(options(site).withOffline(offline));
      long files = 0;
      long bytes = 0;
      try (Stream<Path> walk = Files.walk(site.resolve("public"))) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) { // the folder's marker too
          files++;
          bytes += Files.size(p);
        }
      }
      assertEquals(files, result.files(), "offline " + offline);
      assertEquals(bytes, result.bytes(), "offline " + offline);
    }
  }

  @Test
  void escapesTextAndLinksRelatively(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site));
    String page = SiteFixture.read(site, "public/articles/one/index.html");
    assertTrue(page.contains("<h1>First &amp; foremost"), page);
    assertTrue(page.contains("<title>First &amp; foremost · Test &lt;Gazette&gt;</title>"), page);
    assertTrue(page.contains("href=\"../../tags/interest-rates/\""), page);
    assertTrue(
        page.contains("<link rel=\"canonical\" href=\"https://news.example/articles/one/\">"),
        page);
    assertFalse(page.contains("</script>."), "body text cannot close a script element");
    assertTrue(page.contains("\"identifier\":\"one\""), page);
    assertTrue(
        page.contains(
            "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\",\"url\":\"https://news.example/authors/ana-lima/\"}]"),
        page);
    assertFalse(page.contains("href=\"/"), "no root-absolute links");
  }

  @Test
  void listingsDescribeWhatTheyListAndLaterPagesSayWhichPageTheyAre(@TempDir Path dir)
      throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site));
    assertTrue(
        SiteFixture.read(site, "public/index.html")
            .contains(
                "<meta name=\"description\" content=\"The latest from Test &lt;Gazette&gt;\">"));
    assertTrue(
        SiteFixture.read(site, "public/page/2/index.html")
            .contains(
                "<meta name=\"description\" content=\"The latest from Test &lt;Gazette&gt; (page 2"
                    + " of 2)\">"));
    assertTrue(
        SiteFixture.read(site, "public/tags/interest-rates/index.html")
            .contains("<meta name=\"description\" content=\"1 article tagged Interest Rates\">"));
    assertTrue(
        SiteFixture.read(site, "public/sections/world/index.html")
            .contains("<meta name=\"description\" content=\"2 articles in world\">"));
  }

  @Test
  void notFoundPageLinksFromTheBasePathSoItWorksAtAnyDepth(@TempDir Path dir) throws Exception {
    Path site =
        SiteFixture.write(
            dir, SITE.replace("baseUrl: https://news.example/", "baseUrl: https://x.org/news"));
    new SiteBuilder(Progress.quiet()).build(options(site));
    String page = SiteFixture.read(site, "public/404.html");
    assertTrue(page.contains("href=\"/news/archive/\""), page);
    assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/news/assets/"), page);
    assertFalse(page.contains("href=\"./"), page);
    assertFalse(page.contains("rel=\"canonical\""), "a missing page has no canonical URL");

    new SiteBuilder(Progress.quiet()).build(options(site).withOffline(true));
    assertTrue(
        SiteFixture.read(site, "public/404.html").contains("href=\"./archive/index.html\""),
        "opened from disk, links stay relative");
  }

  @Test
  void offlineLinksEndInIndexHtml(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site).withOffline(true));
    String home = SiteFixture.read(site, "public/index.html");
    assertTrue(home.contains("href=\"./articles/three/index.html\""), home);
    assertTrue(home.contains("href=\"./page/2/index.html\""), home);
  }

  @Test
  void draftsAndFutureArticlesAreIncludedOnRequest(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r =
        new SiteBuilder(Progress.quiet()).build(options(site).withDraftsAndFuture(true, true));
    assertEquals(6, r.articles());
    assertTrue(Files.exists(site.resolve("public/articles/draft/index.html")));
  }

  @Test
  void badArticlesAreReportedAndTheRestStillBuilds(@TempDir Path dir) throws Exception {
    Path site =
        SiteFixture.write(
            dir,
            SITE
                + """
        -- content/broken.md --
        ---
        title: [unclosed
        ---
        x
        -- content/empty.txt --
        """);
    BuildResult r = new SiteBuilder(Progress.quiet()).build(options(site));
    assertEquals(4, r.articles());
    assertEquals(2, r.leftOut());
    assertEquals(1, r.exitCode(false));
    assertTrue(
        r.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == Severity.ERROR
                        && d.path().equals("content/broken.md")
                        && d.line() >= 2),
        r.diagnostics().toString());
    assertTrue(
        r.diagnostics().stream()
            .map(Diagnostic::headline)
            .anyMatch(h -> h.startsWith("content/empty.txt: error: empty file")));
  }

  @Test
  void staleFilesFromEarlierBuildsAreRemoved(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site));
    Files.delete(site.resolve("content/2022/three.md"));
    new SiteBuilder(Progress.quiet()).build(options(site));
    assertFalse(Files.exists(site.resolve("public/articles/three/index.html")));
    assertTrue(Files.exists(site.resolve("public/articles/one/index.html")));
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteUntouched(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    new SiteBuilder(Progress.quiet()).build(options(site));
    String before = SiteFixture.read(site, "public/index.html");
    SiteFixture.write(site, "-- templates/article.ftlh --\n<#if>broken\n");
    assertThrows(
        RuntimeException.class, () -> new SiteBuilder(Progress.quiet()).build(options(site)));
    assertEquals(before, SiteFixture.read(site, "public/index.html"));
    try (Stream<Path> siblings = Files.list(site)) {
      assertEquals(
          List.of(),
          siblings
              .map(p -> p.getFileName().toString())
              .filter(name -> name.contains(".building-") || name.startsWith(".build-"))
              .toList(),
          "staging folder and the unfinished build cache removed");
    }
    assertTrue(Files.exists(BuildCache.file(site.resolve("public"))), "the last cache kept");
  }

  @Test
  void siteTemplatesOverrideTheThemeFileByFile(@TempDir Path dir) throws Exception {
    Path site =
        SiteFixture.write(dir, SITE + "-- templates/404.ftlh --\n<p>Custom ${site.title}</p>\n");
    new SiteBuilder(Progress.quiet()).build(options(site));
    assertEquals("<p>Custom Test &lt;Gazette&gt;</p>\n", SiteFixture.read(site, "public/404.html"));
    assertTrue(SiteFixture.read(site, "public/index.html").contains("<main"));
  }
}
