package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.broadsheet.render.RenderLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build into a folder an earlier build wrote reuses that build's work (unchanged files are not
 * parsed, the index is updated, unchanged pages are kept), and its output equals a clean build's:
 * every page, feed and sitemap byte for byte, and the same search results (ids, order, scores,
 * snippets and facets).
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
    return new SiteBuilder(Progress.quiet())
        .build(
            BuildOptions.of(site)
                .withOut(out)
                .withClock(BundledContentTest.options().clock())
                .withClean(clean));
  }

  @Test
  void anEditedArticleIsTheOnlyFileParsedAndTheSiteEqualsACleanBuild(@TempDir Path dir)
      throws IOException {
    Path site = SiteFixture.copyOfBundledSite(dir);
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

  /**
   * A sidecar is part of its article's key: one added beside a wire story, then edited, has that
   * story parsed again each time (and only it), and the site equals a clean build's.
   */
  @Test
  void aSidecarAddedOrEditedHasItsStoryParsedAgain(@TempDir Path dir) throws IOException {
    Path site = SiteFixture.copyOfBundledSite(dir);
    Path out = dir.resolve("out");
    build(site, out, false);
    Path sidecar = site.resolve("content/wire/2020-05-14-harbour-strike.yaml");
    Files.writeString(sidecar, "title: \"Dockers walk out\"\n");
    BuildResult added = build(site, out, false);
    assertEquals(1, added.parsed(), "the story beside the new sidecar is parsed again");
    assertSameAsCleanBuild(site, out, dir.resolve("clean"));
    Files.writeString(sidecar, "title: \"Dockers end their strike\"\n");
    BuildResult edited = build(site, out, false);
    assertEquals(1, edited.parsed(), "the story beside the edited sidecar is parsed again");
    assertSameAsCleanBuild(site, out, dir.resolve("clean-2"));
    try (Stream<Path> pages = Files.walk(out)) {
      assertTrue(
          pages
              .filter(p -> p.toString().endsWith(".html"))
              .anyMatch(p -> read(p).contains("Dockers end their strike")),
          "the sidecar's title is on a page");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aBuildThatChangesNothingLoadsNoBodyForItsFeeds(@TempDir Path dir) throws IOException {
    Path site = SiteFixture.copyOfBundledSite(dir);
    Path out = dir.resolve("out");
    build(site, out, false);
    Path feed = out.resolve("feed.xml");
    String before = Files.readString(feed);
    // the sources go once they are hashed: a page or feed that wants a body now reports it lost
    Consumer<String> removeSources =
        phase -> {
          if (phase.equals("render")) {
            try (Stream<Path> files = Files.walk(site.resolve("content"))) {
              for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.delete(f);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    BuildResult second =
        new SiteBuilder(Progress.quiet(), RenderLimits.DEFAULT, removeSources)
            .build(
                BuildOptions.of(site).withOut(out).withClock(BundledContentTest.options().clock()));
    assertEquals(0, second.parsed());
    assertEquals(0, second.rendered(), "every page and feed kept");
    assertEquals(0, second.leftOut(), second.diagnostics().toString());
    assertEquals(before, Files.readString(feed), "the feeds still carry the bodies");
    assertTrue(before.contains("<content type=\"html\""), "the feed holds whole articles");
  }

  @Test
  void aRetitledArticleRendersAgainThePagesThatShowItsCard(@TempDir Path dir) throws IOException {
    Path site = SiteFixture.copyOfBundledSite(dir);
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
    Path site = SiteFixture.copyOfBundledSite(dir);
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
    Path site = SiteFixture.copyOfBundledSite(dir);
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
    SameSite.assertSameFiles(clean, out);
    assertEquals(
        SameSite.searchResults(clean, QUERIES),
        SameSite.searchResults(out, QUERIES),
        "the same search results");
  }
}
