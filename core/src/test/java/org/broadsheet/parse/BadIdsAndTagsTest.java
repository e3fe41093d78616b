package org.broadsheet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.content.Archive;
import org.broadsheet.content.Article;
import org.broadsheet.content.Group;
import org.broadsheet.diag.Diagnostic;
import org.broadsheet.diag.Diagnostics;
import org.broadsheet.diag.Severity;
import org.broadsheet.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids with invisible characters are refused like any other bad field: an error at the id's line,
 * and the article is left out. Tags without a letter or digit are dropped with a warning instead of
 * being merged into one "untitled" tag page.
 */
class BadIdsAndTagsTest {
  @TempDir Path site;

  private static List<Diagnostic> of(Diagnostics d, Severity severity) {
    return d.snapshot().stream().filter(x -> x.severity() == severity).toList();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = site.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Optional<Article> parse(String relative, Diagnostics d) {
    return Parsers.standard(ParseFixtures.UTC)
        .parse(new SourceFile(relative, site.resolve(relative)), d);
  }

  @ParameterizedTest(name = "id: \"{0}\"")
  @ValueSource(
      strings = {"a\\0b", "line\\nbreak", "esc\\eape", "del\\x7F", "sep\\Lx", "tab\\tinside"})
  void anIdWithAControlCharacterInFrontMatterIsAnErrorAtItsLine(String escaped) throws IOException {
    Diagnostics d = new Diagnostics();
    write("content/a.md", "---\ntitle: T\nid: \"" + escaped + "\"\n---\nBody.\n");
    assertTrue(parse("content/a.md", d).isEmpty(), "article left out");
    Diagnostic e = of(d, Severity.ERROR).get(0);
    assertEquals(List.of(e), d.snapshot());
    assertEquals("content/a.md:3:1", e.path() + ":" + e.line() + ":" + e.column());
    assertTrue(e.message().contains("'id' holds the invisible character U+"), e.message());
  }

  @Test
  void anIdWithAControlCharacterInASidecarIsAnErrorAtItsLine() throws IOException {
    write("content/wire/a.txt", "BEIRUT - Story text.\n");
    write("content/wire/a.json", "{\n  \"title\": \"T\",\n  \"id\": \"x\\u0000y\"\n}\n");
    Diagnostics d = new Diagnostics();
    assertTrue(parse("content/wire/a.txt", d).isEmpty());
    Diagnostic e = of(d, Severity.ERROR).get(0);
    assertEquals("content/wire/a.json:3:1", e.path() + ":" + e.line() + ":" + e.column());
    assertTrue(e.message().contains("U+0000"), e.message());
  }

  @Test
  void anIdWithAControlCharacterInMetadataCsvIsAnErrorAtItsRowAndTheArticleIsLeftOut()
      throws IOException {
    write("content/wire/a.txt", "BEIRUT - Story text.\n");
    write("content/wire/_metadata.csv", "file,title,id\na.txt,T,\"x\u0001y\"\n");
    Diagnostics d = new Diagnostics();
    assertTrue(parse("content/wire/a.txt", d).isEmpty());
    List<Diagnostic> errors = of(d, Severity.ERROR);
    assertEquals(2, errors.size(), errors::toString);
    assertEquals(
        "content/wire/_metadata.csv:2:10",
        errors.get(0).path() + ":" + errors.get(0).line() + ":" + errors.get(0).column(),
        errors.get(0)::format);
    assertTrue(errors.get(0).message().contains("U+0001"), errors.get(0).message());
    assertEquals("content/wire/a.txt", errors.get(1).path());
    assertTrue(errors.get(1).message().contains("left out"), errors.get(1).message());
  }

  @Test
  void anIdFromAFileNameWithAControlCharacterIsAnError() throws IOException {
    write("content/wire/a\u0007b.txt", "BEIRUT - Story text.\n");
    Diagnostics d = new Diagnostics();
    assertTrue(parse("content/wire/a\u0007b.txt", d).isEmpty());
    assertTrue(of(d, Severity.ERROR).get(0).message().contains("U+0007"), d.snapshot()::toString);
  }

  @Test
  void printableUnicodeIdsAreFine() throws IOException {
    Diagnostics d = new Diagnostics();
    write("content/a.md", "---\ntitle: T\nid: \"خبر-۱۲ 😀 é\"\n---\nBody.\n");
    assertEquals("خبر-۱۲ 😀 é", parse("content/a.md", d).orElseThrow().id());
    assertEquals(List.of(), d.snapshot());
  }

  @Test
  void tagsWithoutALetterOrDigitAreDroppedWithAWarningNotMergedIntoOneGroup() throws IOException {
    write("content/a.md", "---\ntitle: A\ntags: ['..', economy]\n---\nBody.\n");
    write("content/b.md", "---\ntitle: B\ntags:\n  - .\n  - /\n---\nBody.\n");
    write("content/c.md", "---\ntitle: C\ntags: [Untitled]\n---\nBody.\n");
    Diagnostics d = new Diagnostics();
    Article a = parse("content/a.md", d).orElseThrow();
    Article b = parse("content/b.md", d).orElseThrow();
    Article c = parse("content/c.md", d).orElseThrow();
    assertEquals(List.of("economy"), a.tags());
    assertEquals(List.of(), b.tags());
    List<Diagnostic> warnings = of(d, Severity.WARNING);
    assertEquals(2, warnings.size(), warnings::toString);
    assertEquals(
        "content/a.md:3:1",
        warnings.get(0).path() + ":" + warnings.get(0).line() + ":" + warnings.get(0).column());
    assertTrue(
        warnings.get(0).message().contains("tag '..' has no letter or digit"),
        warnings.get(0).message());
    assertEquals(
        "content/b.md:3:1",
        warnings.get(1).path() + ":" + warnings.get(1).line() + ":" + warnings.get(1).column());
    assertTrue(warnings.get(1).message().contains("tags '.', '/' have"), warnings.get(1).message());
    Archive archive = Archive.of(List.of(a, b, c), new Diagnostics());
    assertEquals(
        List.of("economy:[a]", "untitled:[c]"),
        archive.tags().stream().map(BadIdsAndTagsTest::describe).toList(),
        "only the tag really named Untitled has that page");
  }

  @Test
  void namesTooLongToIndexAreDroppedWithAWarningAndTheArticleIsKept() throws IOException {
    String huge = "x".repeat(40_000); // one search term past Lucene's 32,766 bytes
    write(
        "content/a.md",
        "---\ntitle: A\ntags: [economy, "
            + huge
            + "]\nauthors: "
            + huge
            + ", Desk\nsection: "
            + huge
            + "\nsource: "
            + huge
            + "\n---\nBody.\n");
    Diagnostics d = new Diagnostics();
    Article a = parse("content/a.md", d).orElseThrow();
    assertEquals(List.of("economy"), a.tags());
    assertEquals(List.of("Desk"), a.authors());
    assertEquals("", a.section());
    assertEquals("", a.source());
    List<Diagnostic> warnings = of(d, Severity.WARNING);
    assertEquals(
        List.of(3, 4, 5, 6), warnings.stream().map(Diagnostic::line).toList(), warnings::toString);
    assertTrue(
        warnings.get(0).message().startsWith("a value of 'tags' is 40000 characters long"),
        warnings.get(0).message());
  }

  @Test
  void anIdTooLongToIndexIsAnErrorAtItsLine() throws IOException {
    write("content/a.md", "---\ntitle: T\nid: " + "i".repeat(1001) + "\n---\nBody.\n");
    Diagnostics d = new Diagnostics();
    assertTrue(parse("content/a.md", d).isEmpty(), "article left out");
    Diagnostic e = of(d, Severity.ERROR).get(0);
    assertEquals("content/a.md:3:1", e.path() + ":" + e.line() + ":" + e.column());
    assertTrue(e.message().startsWith("'id' is 1001 characters long"), e.message());
  }

  @Test
  void namelessTagsInMetadataCsvAreDroppedWithAWarningAtTheirCell() throws IOException {
    write("content/wire/a.txt", "BEIRUT - Story text.\n");
    write("content/wire/_metadata.csv", "file,tags\na.txt,..;Iran;/\n");
    Diagnostics d = new Diagnostics();
    assertEquals(List.of("Iran"), parse("content/wire/a.txt", d).orElseThrow().tags());
    Diagnostic w = of(d, Severity.WARNING).get(0);
    assertEquals("content/wire/_metadata.csv:2:7", w.path() + ":" + w.line() + ":" + w.column());
    assertTrue(w.message().contains("tags '..', '/'"), w.message());
  }

  private static String describe(Group g) {
    return g.slug() + ":" + g.articles().stream().map(Article::id).toList();
  }
}
