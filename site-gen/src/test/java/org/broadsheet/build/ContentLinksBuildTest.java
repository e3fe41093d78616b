package org.broadsheet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content assembled from symbolic links builds like any other, and what cannot be walked is
 * reported.
 */
class ContentLinksBuildTest {
  private static final String ARTICLES =
      """
      -- 2024/a.md --
      ---
      title: Alpha
      date: 2024-01-02
      ---
      Alpha body.
      -- wire/2024-02-03-b.txt --
      BEIRUT - Beta body text.
      """;

  private static BuildResult build(Path site) throws Exception {
    return new SiteBuilder(Progress.quiet()).build(SiteBuilderTest.options(site));
  }

  @Test
  void aSymlinkedContentFolderBuildsItsArticles(@TempDir Path site, @TempDir Path archive)
      throws Exception {
    SiteFixture.write(archive, ARTICLES);
    SiteFixture.write(site, "-- site.yaml --\ntitle: Linked\nbaseUrl: https://linked.example/\n");
    Files.createSymbolicLink(site.resolve("content"), archive);
    BuildResult r = build(site);
    assertEquals(2, r.articles(), r.diagnostics().toString());
    assertEquals(0, r.exitCode(true), r.diagnostics().toString());
    assertTrue(Files.exists(site.resolve("public/articles/a/index.html")));
    assertTrue(Files.exists(site.resolve("public/articles/2024-02-03-b/index.html")));
  }

  @Test
  void brokenLinksAndLoopsInsideContentAreWarningsWithTheirPath(@TempDir Path site)
      throws Exception {
    SiteFixture.write(
        site, "-- site.yaml --\ntitle: Links\n" + ARTICLES.replace("-- ", "-- content/"));
    Files.createSymbolicLink(site.resolve("content/missing.md"), site.resolve("nowhere.md"));
    Files.createSymbolicLink(site.resolve("content/2024/loop"), site.resolve("content"));
    BuildResult r = build(site);
    assertEquals(2, r.articles(), r.diagnostics().toString());
    assertEquals(0, r.exitCode(false), "warnings only");
    assertEquals(1, r.exitCode(true), "--strict fails on them");
    assertTrue(
        r.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == Severity.WARNING
                        && d.path().equals("content/missing.md")
                        && d.message().contains("broken symbolic link")),
        r.diagnostics().toString());
    assertTrue(
        r.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == Severity.WARNING
                        && d.path().equals("content/2024/loop")
                        && d.message().contains("loop")),
        r.diagnostics().toString());
  }

  /**
   * Needs a user for whom permissions hold (not root); core's ContentSourceTest simulates it for
   * root.
   */
  @Test
  void anUnreadableFolderIsAnErrorAndTheOtherArticlesBuild(@TempDir Path site) throws Exception {
    SiteFixture.write(
        site,
        "-- site.yaml --\ntitle: Locked\n"
            + ARTICLES.replace("-- ", "-- content/")
            + "-- content/locked/c.md --\n---\ntitle: C\n---\nC.\n");
    Path locked = site.resolve("content/locked");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(unreadable(locked), "folder permissions are not enforced for this user (root?)");
      BuildResult r = build(site);
      assertEquals(2, r.articles(), r.diagnostics().toString());
      assertEquals(1, r.exitCode(false));
      Diagnostic e =
          r.diagnostics().stream()
              .filter(d -> d.severity() == Severity.ERROR)
              .findFirst()
              .orElseThrow();
      assertEquals("content/locked", e.path());
      assertTrue(e.message().contains("permission denied"), e.message());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static boolean unreadable(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return false;
    } catch (AccessDeniedException e) {
      return true;
    }
  }
}
