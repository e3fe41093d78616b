package org.broadsheet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.build.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** broadsheet import, then build: a saved feed and a folder of scraped pages become a site. */
class ImportCommandTest {
  static final String INPUTS =
      """
      -- saved/feed.rss --
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Harbour Wire</title>
          <link>https://harbour-wire.example/</link>
          <description>Port news</description>
          <item>
            <title>Dock strike ends after pay deal</title>
            <link>https://harbour-wire.example/strike</link>
            <guid>hw-1</guid>
            <pubDate>Tue, 14 May 2024 08:00:00 +0200</pubDate>
            <dc:creator>Ana Lima</dc:creator>
            <category>Ports</category>
            <description><![CDATA[<p>Dockers in Rotterdam voted to end the strike.</p><script>x()</script>]]></description>
          </item>
          <item>
            <title>Ferry restored</title>
            <link>https://harbour-wire.example/ferry</link>
            <guid>hw-2</guid>
            <pubDate>Wed, 15 May 2024 08:00:00 +0200</pubDate>
            <description>The night ferry sails again.</description>
          </item>
        </channel>
      </rss>
      -- scraped/2024/locks.html --
      <html lang="en"><head><title>Lock gates - Notes</title>
      <meta property="og:title" content="Why the lock gates matter">
      <meta property="og:url" content="https://notes.example/locks/">
      <meta property="article:published_time" content="2024-04-02T18:00:00Z">
      </head><body><nav><a href="/">Home</a></nav>
      <article><h1>Why the lock gates matter</h1>
      <p>The sea locks were finished in 1876 and have kept the city dry for a century and a half.</p>
      <p>Each gate weighs as much as a small ship, and replacing one takes a crane barge.</p></article>
      </body></html>
      -- scraped/2024/fish.html --
      <html><head><title>DAILY - Fishermen protest quota cut</title></head><body>
      <table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td></tr>
      <tr><td><b>Fishermen protest quota cut</b><br>By Cor de Vries - March 3, 1999<br><br>
      Fishermen blocked the harbour entrance with forty boats to protest a cut in the herring quota.<br><br>
      The ministry said the cut was needed to let the stocks recover after poor seasons.</td></tr></table>
      </body></html>
      -- scraped/logo.png --
      not a page
      """;

  @Test
  void aSavedFeedAndAFolderOfPagesBuildIntoASearchableSite(@TempDir Path dir) throws Exception {
    SiteFixture.write(
        dir,
        INPUTS + "-- site/site.yaml --\ntitle: Imported\nbaseUrl: https://imported.example/\n");
    Path site = dir.resolve("site");
    MainTest.Run imported =
        MainTest.run(
            "import",
            "--source",
            site.toString(),
            dir.resolve("saved/feed.rss").toString(),
            dir.resolve("scraped").toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(
        imported.err().contains("imported 4 stories from 3 files into content/imported: 4 new"),
        imported.err());
    assertTrue(imported.err().contains("notes (-v shows them)"), imported.err());
    assertFalse(imported.err().contains("logo.png"), "notes only with -v: " + imported.err());

    MainTest.Run build = MainTest.run("build", "--source", site.toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(build.err().contains("0 errors, 0 warnings"), build.err());
    Path out = site.resolve("public");
    try (Stream<Path> pages = Files.list(out.resolve("articles"))) {
      assertEquals(4, pages.count());
    }
    String strike =
        SiteFixture.read(site, "public/articles/hw-1-" + suffix(site, "hw-1") + "/index.html");
    assertTrue(strike.contains("Dockers in Rotterdam voted to end the strike."), strike);
    assertFalse(strike.contains("x()"), strike);
    assertTrue(
        Files.exists(out.resolve("authors/cor-de-vries/index.html")), "the old page's byline");

    MainTest.Run search =
        MainTest.run("search", "--site", out.toString(), "--json", "herring quota");
    assertEquals(0, search.code(), search.err());
    assertTrue(
        search.out().contains("\"title\" : \"Fishermen protest quota cut\"")
            || search.out().contains("\"title\":\"Fishermen protest quota cut\""),
        search.out());

    MainTest.Run again =
        MainTest.run(
            "import",
            "--source",
            site.toString(),
            dir.resolve("saved/feed.rss").toString(),
            dir.resolve("scraped").toString());
    assertTrue(
        again
            .err()
            .contains(
                "4 stories from 3 files into content/imported: 0 new, 0 updated, 4 unchanged"),
        again.err());
  }

  @Test
  void importRefusesToWriteOutsideContent(@TempDir Path dir) throws Exception {
    SiteFixture.write(dir, INPUTS);
    MainTest.Run r =
        MainTest.run(
            "import",
            "--source",
            dir.toString(),
            "--into",
            "../elsewhere",
            dir.resolve("saved/feed.rss").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--into must be a folder inside"), r.err());
    assertFalse(Files.exists(dir.resolve("../elsewhere")));
  }

  /** The hash part of an imported file's name, which is also its slug. */
  private static String suffix(Path site, String id) throws Exception {
    try (Stream<Path> files = Files.list(site.resolve("content/imported"))) {
      List<String> names =
          files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(id + "-")).toList();
      return names.get(0).substring(id.length() + 1, names.get(0).length() - 3);
    }
  }
}
