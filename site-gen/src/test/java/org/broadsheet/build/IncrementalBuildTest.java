package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.search.ArchiveSearch;
import org.broadsheet.search.IndexInfo;
import org.broadsheet.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build into a folder an earlier build wrote reuses that build's work (unchanged files are not
 * parsed, the index is updated, unchanged pages are kept), and its output equals a clean build's:
 * every page, feed and sitemap byte for byte, and the same search results (ids, order, scores).
 */
class IncrementalBuildTest {
  private static final List<String> QUERIES =
      List.of(
          "iran",
          "rates inflation",
          "\"central bank\"",
          "vacc*",
          "election",
          "football club",
          "the");

  private static BuildResult build(Path site, Path out, boolean clean) throws IOException {
    BuildOptions sample = BundledContentTest.options();
    return new SiteBuilder(Progress.quiet())
        .build(
            new BuildOptions(
                site, out, false, false, false, null, false, false, sample.clock(), false, clean));
  }

  /** The bundled sample, copied so it can be edited. */
  private static Path sample(Path dir) throws IOException {
    Path site = dir.resolve("site");
    copy(BundledContentTest.REPO.resolve("content"), site.resolve("content"));
    Files.copy(BundledContentTest.REPO.resolve("site.yaml"), site.resolve("site.yaml"));
    return site;
  }

  @Test
  void anEditedArticleIsTheOnlyFileParsedAndTheSiteEqualsACleanBuild(@TempDir Path dir)
      throws IOException {
    Path site = sample(dir);
    Path out = dir.resolve("out");
    BuildResult first = build(site, out, false);
    Path article = site.resolve("content/2021/glacier-report-warns-of-faster-melt.md");
    Files.writeString(
        article,
        Files.readString(article).replace("Glaciers are melting faster", "Glaciers melt faster")
            + "\nA late paragraph about the Rhine and its shipping.\n");
    BuildResult second = build(site, out, false);
    assertEquals(1, second.parsed(), "only the edited file is parsed again");
    assertTrue(
        second.rendered() < first.rendered() / 2,
        second.rendered() + " of " + first.rendered() + " rendered");
    assertSameAsCleanBuild(site, out, dir.resolve("clean"));
  }

  @Test
  void aRetitledArticleRendersAgainThePagesThatShowItsCard(@TempDir Path dir) throws IOException {
    Path site = sample(dir);
    Path out = dir.resolve("out");
    build(site, out, false);
    Path article = site.resolve("content/2021/glacier-report-warns-of-faster-melt.md");
    String text = Files.readString(article);
    String title = text.lines().filter(l -> l.startsWith("title:")).findFirst().orElseThrow();
    Files.writeString(article, text.replace(title, "title: Alpine ice is going, a report says"));
    BuildResult second = build(site, out, false);
    assertEquals(1, second.parsed());
    // its page, its neighbours' and related articles' pages, and listings showing its card
    assertTrue(second.rendered() > 3, second.rendered() + " pages rendered");
    assertSameAsCleanBuild(site, out, dir.resolve("clean"));
  }

  @Test
  void addedRemovedAndRenamedArticlesGiveTheCleanBuildsSite(@TempDir Path dir) throws IOException {
    Path site = sample(dir);
    Path out = dir.resolve("out");
    build(site, out, false);
    Files.delete(site.resolve("content/2019/lodz-film-festival-opens.md"));
    Files.writeString(
        site.resolve("content/2024/new-story.md"),
        """
        ---
        title: A new story about central bank rates
        date: 2024-02-02T08:00:00Z
        tags: [inflation, new-tag]
        section: business
        ---
        The central bank kept rates on hold, and inflation eased in Lyon.
        """);
    Path moved = site.resolve("content/2022/heatwave-rhine-shipping.md");
    Files.move(moved, site.resolve("content/2022/rhine-heatwave.md"));
    BuildResult second = build(site, out, false);
    assertEquals(2, second.parsed(), "the new file and the moved one");
    assertSameAsCleanBuild(site, out, dir.resolve("clean"));
  }

  @Test
  void aChangedTemplateOrSettingRendersWhatUsesIt(@TempDir Path dir) throws IOException {
    Path site = sample(dir);
    Path out = dir.resolve("out");
    build(site, out, false);
    Files.createDirectories(site.resolve("templates"));
    Files.writeString(site.resolve("templates/404.ftlh"), "<p>Gone: ${site.title}</p>\n");
    build(site, out, false);
    assertEquals(
        "<p>Gone: The Broadsheet Sample Archive</p>\n", Files.readString(out.resolve("404.html")));
    assertSameAsCleanBuild(site, out, dir.resolve("clean"));
    Files.writeString(
        site.resolve("site.yaml"),
        Files.readString(site.resolve("site.yaml")).replace("pageSize: 10", "pageSize: 3"));
    BuildResult third = build(site, out, false);
    assertTrue(
        third.parsed() > third.articles(), "new settings: every file parsed again, drafts too");
    assertSameAsCleanBuild(site, out, dir.resolve("clean2"));
  }

  private static void assertSameAsCleanBuild(Path site, Path out, Path clean) throws IOException {
    build(site, clean, true);
    Map<String, byte[]> built = files(out);
    Map<String, byte[]> expected = files(clean);
    assertEquals(expected.keySet(), built.keySet(), "the same files");
    for (String path : expected.keySet()) {
      assertEquals(new String(expected.get(path)), new String(built.get(path)), path);
    }
    assertEquals(results(clean), results(out), "the same search results");
  }

  private static List<String> results(Path site) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var d = FSDirectory.open(site.resolve("search/lucene"));
        var reader = DirectoryReader.open(d)) {
      ArchiveSearch search = new ArchiveSearch(reader, IndexInfo.read(reader));
      for (String q : QUERIES) {
        var results = search.search(SearchRequest.of(q));
        lines.add(q + " " + results.total());
        results
            .hits()
            .forEach(
                h -> lines.add(h.id() + " " + Float.floatToIntBits(h.score()) + " " + h.url()));
      }
    }
    return lines;
  }

  /**
   * Files by site path, but for the Lucene index and what names its files for the browser (their
   * bytes carry Lucene's random segment ids; the index is compared by its search results) and the
   * marker (the build's id).
   */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String path = root.relativize(p).toString().replace('\\', '/');
        if (!path.startsWith("search/lucene/")
            && !path.equals("search/manifest.json")
            && !path.matches("search/[0-9a-f]{16}\\.open")
            && !path.startsWith("search/offline/")
            && !path.equals(".broadsheet-site")) {
          files.put(path, Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
