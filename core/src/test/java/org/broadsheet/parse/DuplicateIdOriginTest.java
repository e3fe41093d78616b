package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicate-id error points at the later article's id: file, line and column, and names the
 * first file.
 */
class DuplicateIdOriginTest {
  @TempDir Path site;

  private void write(String relative, String text) throws IOException {
    Path file = site.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Diagnostic duplicateError(String... articleFiles) {
    Parsers parsers = Parsers.standard(new ParseContext(ParseFixtures.UTC.timeZone(), "en"));
    Diagnostics parsing = new Diagnostics();
    List<Article> articles =
        Stream.of(articleFiles)
            .map(f -> parsers.parse(new SourceFile(f, site.resolve(f)), parsing).orElseThrow())
            .toList();
    Diagnostics d = new Diagnostics();
    Archive archive = Archive.of(articles, d, parsers.idOrigins(site));
    assertEquals(articleFiles.length - 1, archive.size());
    assertEquals(1, d.snapshot().size(), d.snapshot()::toString);
    return d.snapshot().get(0);
  }

  private static String position(Diagnostic d) {
    return d.path() + ":" + d.line() + ":" + d.column();
  }

  @Test
  void aDuplicateFrontMatterIdIsReportedAtItsIdLine() throws IOException {
    write("content/a.md", "---\ntitle: A\nid: same\n---\nA.\n");
    write("content/b.md", "---\ntitle: B\ndate: 2024-01-01\nid: same\n---\nB.\n");
    Diagnostic e = duplicateError("content/a.md", "content/b.md");
    assertEquals("content/b.md:4:1", position(e));
    assertEquals("id: same", e.sourceLine());
    assertTrue(
        e.message().contains("duplicate id 'same' (already used by content/a.md)"), e.message());
  }

  @Test
  void aDuplicateIdFromTheFileNameIsReportedAtTheStartOfTheFile() throws IOException {
    write("content/one/2024-x.txt", "BEIRUT - First.\n");
    write("content/two/2024-x.txt", "BEIRUT - Second.\n");
    Diagnostic e = duplicateError("content/one/2024-x.txt", "content/two/2024-x.txt");
    assertEquals("content/two/2024-x.txt:1:1", position(e));
    assertTrue(e.message().contains("already used by content/one/2024-x.txt"), e.message());
  }

  @Test
  void aDuplicateIdFromASidecarIsReportedInTheSidecar() throws IOException {
    write("content/a.md", "---\ntitle: A\nid: same\n---\nA.\n");
    write("content/wire/b.txt", "BEIRUT - Second.\n");
    write("content/wire/b.json", "{\n  \"title\": \"B\",\n  \"id\": \"same\"\n}\n");
    Diagnostic e = duplicateError("content/a.md", "content/wire/b.txt");
    assertEquals("content/wire/b.json:3:3", position(e));
    assertTrue(
        e.message()
            .contains("duplicate id 'same' of content/wire/b.txt (already used by content/a.md)"),
        e.message());
  }

  @Test
  void aDuplicateIdFromMetadataCsvIsReportedAtItsRow() throws IOException {
    write("content/a.md", "---\ntitle: A\nid: same\n---\nA.\n");
    write("content/wire/b.txt", "BEIRUT - Second.\n");
    write("content/wire/_metadata.csv", "file,title,id\nother.txt,O,o\nb.txt,B,same\n");
    Diagnostic e = duplicateError("content/a.md", "content/wire/b.txt");
    assertEquals("content/wire/_metadata.csv:3:9", position(e));
    assertEquals("b.txt,B,same", e.sourceLine());
  }
}
