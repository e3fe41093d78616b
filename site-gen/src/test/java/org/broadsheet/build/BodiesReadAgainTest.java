package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean build parses each file once and keeps its body for the page. A build that reuses the last
 * one's work reads the bodies of unchanged articles again when their pages must be rendered again;
 * a file that vanished meanwhile must not give a page with an empty body, and its error must reach
 * the report.
 */
class BodiesReadAgainTest {
  static final String SITE =
      """
      -- content/a.md --
      ---
      title: Alpha
      date: 2020-01-01
      tags: [t]
      ---
      Alpha body text.
      -- content/b.md --
      ---
      title: Bravo
      date: 2020-01-02
      tags: [t]
      ---
      Bravo body text.
      -- content/c.md --
      ---
      title: Charlie
      date: 2020-01-03
      tags: [t]
      ---
      Charlie body text.
      -- content/d.md --
      ---
      title: Delta
      date: 2020-01-04
      ---
      Delta body text.
      """;

  static BuildResult build(Path site, Consumer<String> beforePhase) throws IOException {
    return new SiteBuilder(
            Progress.quiet(), org.broadsheet.render.RenderLimits.DEFAULT, beforePhase)
        .build(SiteBuilderTest.options(site));
  }

  static void edit(Path file, String text) {
    try {
      if (text == null) {
        Files.delete(file);
      } else {
        Files.writeString(file, text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> errors(BuildResult r, String path) {
    return r.diagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR && d.path().equals(path))
        .map(Diagnostic::headline)
        .toList();
  }

  @Test
  void aCleanBuildPublishesTheTextItParsedThoughTheFileChangesLater(@TempDir Path dir)
      throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r =
        build(
            site,
            phase -> {
              if (phase.equals("render")) {
                edit(
                    site.resolve("content/a.md"),
                    "---\ntitle: Alpha\ndate: 2020-01-01\ntags: [t]\n---\nAlpha, corrected.\n");
                edit(site.resolve("content/b.md"), null);
              }
            });
    assertEquals(0, r.exitCode(false), r.diagnostics().toString());
    assertTrue(
        SiteFixture.read(site, "public/articles/a/index.html").contains("Alpha body text."),
        "the body kept from the parse, not read again");
    assertTrue(SiteFixture.read(site, "public/articles/b/index.html").contains("Bravo body text."));
  }

  @Test
  void anUnchangedArticleGoneBeforeItsPageIsRenderedAgainIsNotPublishedWithAnEmptyBody(
      @TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    build(site, phase -> {});
    // a new title for c: the pages of its neighbours b and d show it, so they are rendered again,
    // and
    // their bodies (b and d were not parsed: unchanged) are read again from their files
    edit(
        site.resolve("content/c.md"),
        "---\ntitle: Charlie II\ndate: 2020-01-03\ntags: [t]\n---\nCharlie body text.\n");
    BuildResult r =
        build(
            site,
            phase -> {
              if (phase.equals("render")) {
                edit(site.resolve("content/d.md"), null);
              }
            });
    assertEquals(1, r.exitCode(false));
    assertTrue(
        errors(r, "content/d.md").stream().anyMatch(e -> e.contains("its page is not published")),
        r.diagnostics().toString());
    assertEquals(3, r.articles());
    assertFalse(Files.exists(site.resolve("public/articles/d/index.html")));
    assertTrue(SiteFixture.read(site, "public/articles/b/index.html").contains("Charlie II"));
    assertNoEmptyBodies(site.resolve("public"));
  }

  static void assertNoEmptyBodies(Path out) throws IOException {
    try (Stream<Path> pages = Files.list(out.resolve("articles"))) {
      for (Path page : (Iterable<Path>) pages::iterator) {
        String html = Files.readString(page.resolve("index.html"));
        String body = html.substring(html.indexOf("<div class=\"article-body\">"));
        assertTrue(body.contains("body text."), page + " has its body");
      }
    }
  }
}
