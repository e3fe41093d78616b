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
 * Past the body cache, bodies are parsed again for the index and the pages. A file that changed or
 * vanished meanwhile must not give a page with an empty body, and its error must reach the report.
 */
class BodiesReadAgainTest {
  static final String SITE = """
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

  /** A build that keeps no body from the parse, so every body is read again. */
  static BuildResult buildWithoutCache(Path site, Consumer<String> beforePhase) throws IOException {
    return new SiteBuilder(Progress.quiet(), org.broadsheet.render.RenderLimits.DEFAULT, 0, beforePhase).build(SiteBuilderTest.options(site));
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
    return r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR && d.path().equals(path))
        .map(Diagnostic::headline).toList();
  }

  @Test
  void withoutChangesEveryBodyIsReadAgainAndPublished(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r = buildWithoutCache(site, phase -> { });
    assertEquals(0, r.exitCode(false), r.diagnostics().toString());
    assertTrue(SiteFixture.read(site, "public/articles/b/index.html").contains("Bravo body text."));
  }

  @Test
  void anArticleGoneOrBrokenBeforeIndexingIsLeftOutWithAnErrorNamingIt(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r = buildWithoutCache(site, phase -> {
      if (phase.equals("index")) {
        edit(site.resolve("content/b.md"), null);
        edit(site.resolve("content/c.md"), "---\ntitle: [unclosed\n---\nbroken now\n");
      }
    });
    assertEquals(1, r.exitCode(false), "0 errors was reported before");
    assertTrue(errors(r, "content/b.md").stream().anyMatch(e -> e.contains("changed or removed during the build")
        && e.contains("article left out")), r.diagnostics().toString());
    assertTrue(errors(r, "content/b.md").stream().anyMatch(e -> e.contains("cannot read")), "the cause is reported too");
    assertTrue(errors(r, "content/c.md").stream().anyMatch(e -> e.contains("no longer parses")), r.diagnostics().toString());
    assertEquals(2, r.articles());
    assertEquals(2, r.leftOut());
    Path out = site.resolve("public");
    assertFalse(Files.exists(out.resolve("articles/b/index.html")));
    assertFalse(Files.exists(out.resolve("articles/c/index.html")));
    String tag = SiteFixture.read(site, "public/tags/t/index.html");
    assertFalse(tag.contains("Bravo") || tag.contains("Charlie"), "listings do not link to what was left out");
    assertNoEmptyBodies(out);
  }

  @Test
  void anArticleGoneBeforeItsPageIsNotPublishedWithAnEmptyBody(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r = buildWithoutCache(site, phase -> {
      if (phase.equals("articles")) {
        edit(site.resolve("content/d.md"), null);
      }
    });
    assertEquals(1, r.exitCode(false));
    assertTrue(errors(r, "content/d.md").stream().anyMatch(e -> e.contains("its page is not published")),
        r.diagnostics().toString());
    assertEquals(3, r.articles());
    assertFalse(Files.exists(site.resolve("public/articles/d/index.html")));
    assertNoEmptyBodies(site.resolve("public"));
  }

  @Test
  void aChangedArticleThatStillParsesIsPublishedWithItsNewText(@TempDir Path dir) throws Exception {
    Path site = SiteFixture.write(dir, SITE);
    BuildResult r = buildWithoutCache(site, phase -> {
      if (phase.equals("index")) {
        edit(site.resolve("content/a.md"), "---\ntitle: Alpha\ndate: 2020-01-01\ntags: [t]\n---\nAlpha, corrected.\n");
      }
    });
    assertEquals(0, r.exitCode(false), r.diagnostics().toString());
    assertTrue(SiteFixture.read(site, "public/articles/a/index.html").contains("Alpha, corrected."));
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
