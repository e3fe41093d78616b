package org.broadsheet.importer;

import static org.broadsheet.importer.ImportFixture.of;
import static org.broadsheet.importer.ImportFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed sample of each format: a clear error where it breaks, the other stories import. */
class BrokenInputTest {
  static Diagnostic error(Importer.Result r, String file) {
    List<Diagnostic> errors =
        of(r, Severity.ERROR).stream().filter(d -> d.path().endsWith(file)).toList();
    assertEquals(1, errors.size(), r.diagnostics().toString());
    return errors.get(0);
  }

  @Test
  void aTruncatedRssFeedKeepsItsCompleteItems(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "broken/truncated.rss", "feeds/harbour-wire.atom");
    Diagnostic e = error(r, "truncated.rss");
    assertEquals("broken/truncated.rss", e.path());
    assertEquals(34, e.line());
    assertTrue(e.message().contains("the items complete before this point are imported"));
    assertEquals(3, r.stories(), "1 item of the broken feed, 2 of the next file");
    assertTrue(Files.exists(into.resolve(ArticleFiles.fileName("hw-2024-0514-001"))));
  }

  @Test
  void aTruncatedJsonFeedKeepsTheItemsBeforeTheBreak(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "broken/truncated.json");
    Diagnostic e = error(r, "truncated.json");
    assertEquals(26, e.line());
    assertTrue(e.message().startsWith("broken JSON: Unexpected end-of-input"), e.message());
    assertTrue(e.message().endsWith("the item before this point is imported"), e.message());
    assertEquals(1, r.stories());
  }

  @Test
  void aTruncatedWordPressExportKeepsThePostsBeforeTheBreak(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "broken/truncated.wordpress.xml");
    Diagnostic e = error(r, "truncated.wordpress.xml");
    assertEquals(67, e.line());
    assertTrue(e.message().contains("the post before this point is imported"), e.message());
    assertEquals(1, r.stories());
  }

  @Test
  void brokenNitfAndNewsMlAreReportedWhereTheyBreak(@TempDir Path into) throws Exception {
    Importer.Result r =
        run(
            into,
            "broken/mismatched.nitf.xml",
            "broken/truncated.newsml.xml",
            "news/batch.newsml.xml");
    Diagnostic nitf = error(r, "mismatched.nitf.xml");
    assertEquals(33, nitf.line());
    assertTrue(nitf.message().contains("\"hl2\" must be terminated"), nitf.message());
    Diagnostic newsml = error(r, "truncated.newsml.xml");
    assertEquals(22, newsml.line());
    assertEquals(2, r.stories(), "the good file still imports");
  }

  @Test
  void aPageWithoutArticleTextIsReported(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "broken/empty-page.html", "html/og-blog.html");
    assertTrue(error(r, "empty-page.html").message().contains("no article text"));
    assertEquals(1, r.stories());
  }

  @Test
  void externalEntitiesAreNeverRead(@TempDir Path into) throws Exception {
    Importer.Result r = run(into, "broken/xxe.rss", "broken/xxe.nitf.xml");
    assertTrue(error(r, "xxe.rss").message().contains("DOCTYPE is disallowed"));
    assertTrue(error(r, "xxe.nitf.xml").message().contains("DTD"));
    assertEquals(0, r.stories());
    try (Stream<Path> files = Files.list(into)) {
      assertFalse(files.findAny().isPresent());
    } catch (java.nio.file.NoSuchFileException nothingWritten) {
      // fine: no folder either
    }
  }
}
